package org.casebridge.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.casebridge.Responses;
import org.casebridge.server.FhirServerProperties;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each applicability condition of the program templates, both ways, on clients whose assessments
 * are stored as a case manager's app stores them (the server scores and extracts them). The
 * actions a template always proposes come from the package; each test names what its condition adds.
 */
class PlanPersonalisationIT extends PlanTestBase {

	private static final String STEADY_HOME = "LA31993-1";
	private static final List<String> NO_PROBLEMS = List.of("LA9-3");
	private static final String NEVER_TRUE = "LA28398-8";
	private static final String YES = "LA33-6";
	private static final String NO = "LA32-8";

	@Test
	void aClientWithoutAssessmentsGetsTheStandardDischargePlanAndTheAssessments() {
		Reference client = newClient();
		PlanDefinition template = template("discharge-planning");

		CarePlan plan = apply("discharge-planning", client, caseManager(), today);

		assertThat(activityIds(plan)).containsExactlyInAnyOrderElementsOf(
				union(unconditional(template), assessments(template), Set.of("checkin-post-discharge-call")));
	}

	@Test
	void laceTenOrMoreMovesTheCallToWithin48HoursAndAddsWeeklyCalls() {
		Reference client = newClient();
		answered(Responses.lace(client.copy(), 4, true, 3, 1), today); // 4 + 3 + 3 + 1 = 11

		CarePlan plan = apply("discharge-planning", client, caseManager(), today);

		assertThat(activityIds(plan)).contains("checkin-post-discharge-call-high-risk", "checkin-weekly-call")
				.doesNotContain("checkin-post-discharge-call", "assess-lace-index");
		assertThat(activity(plan, "checkin-post-discharge-call-high-risk").getDetail().getScheduledPeriod().getEndElement()
				.getValueAsString()).isEqualTo(today.plusDays(2).toString());
		assertThat(activity(plan, "checkin-weekly-call").getDetail().getScheduledTiming().getEvent())
				.extracting(event -> event.getValueAsString())
				.containsExactlyElementsOf(dates(today, 7, 14, 21, 28));
	}

	@Test
	void laceBelowTenKeepsTheStandardCall() {
		Reference client = newClient();
		answered(Responses.lace(client.copy(), 2, false, 1, 0), today); // 2 + 0 + 1 + 0 = 3

		CarePlan plan = apply("discharge-planning", client, caseManager(), today);

		assertThat(activityIds(plan)).contains("checkin-post-discharge-call")
				.doesNotContain("checkin-post-discharge-call-high-risk", "checkin-weekly-call");
		assertThat(activity(plan, "checkin-post-discharge-call").getDetail().getScheduledPeriod().getEndElement()
				.getValueAsString()).isEqualTo(today.plusDays(3).toString());
	}

	static Stream<Arguments> socialNeedDomains() {
		return Stream.of(
				Arguments.of("housing", "LA31994-9", NO_PROBLEMS, NEVER_TRUE, NO, NO, 4),
				Arguments.of("food", STEADY_HOME, NO_PROBLEMS, "LA6729-3", NO, NO, 4),
				Arguments.of("transportation", STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, YES, NO, 4),
				Arguments.of("financial-assistance", STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, NO, "LA32002-0", 4),
				Arguments.of("safety", STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, NO, NO, 11));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("socialNeedDomains")
	void eachPositiveSocialNeedDomainAddsAReferralInItsCategory(String category, String living,
			List<String> placeProblems, String food, String transportation, String utilities, int safety) {
		for (String program : List.of("discharge-planning", "mental-health", "geriatric", "substance-use", "general")) {
			PlanDefinition template = template(program);
			Reference client = newClient();
			answered(hrsn(client, living, placeProblems, food, transportation, utilities, safety), today);

			CarePlan plan = apply(program, client, caseManager(), today);

			Set<String> allNeedReferrals = new HashSet<>();
			Stream.of("housing", "food", "transportation", "financial-assistance", "safety")
					.forEach(domain -> allNeedReferrals.addAll(needReferrals(template, domain)));
			assertThat(needReferrals(template, category)).as(program + " refers for " + category).isNotEmpty();
			assertThat(activityIds(plan)).as(program)
					.containsAll(needReferrals(template, category))
					.doesNotContainAnyElementsOf(minus(allNeedReferrals, needReferrals(template, category)))
					.doesNotContain("assess-ahc-hrsn-core");
		}
	}

	@Test
	void aNegativeSocialNeedsScreeningAddsNoReferral() {
		PlanDefinition template = template("general");
		Reference client = newClient();
		answered(hrsn(client, STEADY_HOME, NO_PROBLEMS, NEVER_TRUE, NO, NO, 4), today);

		CarePlan plan = apply("general", client, caseManager(), today);

		assertThat(activityIds(plan)).containsExactlyInAnyOrderElementsOf(unconditional(template));
	}

	@Test
	void katzAdlDependenceAddsHomeHealth() {
		Reference dependent = newClient();
		answered(Responses.katz(dependent.copy(), 4), today);
		Reference independent = newClient();
		answered(Responses.katz(independent.copy(), 6), today);
		Set<String> homeHealth = needReferrals(template("geriatric"), "home-health");

		assertThat(homeHealth).containsExactly("refer-home-care");
		assertThat(activityIds(apply("geriatric", dependent, caseManager(), today))).containsAll(homeHealth)
				.doesNotContain("assess-katz-adl");
		assertThat(activityIds(apply("geriatric", independent, caseManager(), today))).doesNotContainAnyElementsOf(homeHealth);
	}

	@Test
	void phq9OfTenOrMoreAddsATherapyReferral() {
		Reference depressed = newClient();
		answered(Responses.phq9(depressed.copy(), 2, 2, 1, 1, 1, 1, 1, 1, 0), today); // 10
		Reference wellEnough = newClient();
		answered(Responses.phq9(wellEnough.copy(), 1, 1, 1, 1, 1, 1, 1, 1, 0), today); // 8

		assertThat(activityIds(apply("mental-health", depressed, caseManager(), today))).contains("refer-therapy")
				.doesNotContain("assess-phq-9", "task-safety-plan");
		assertThat(activityIds(apply("mental-health", wellEnough, caseManager(), today))).doesNotContain("refer-therapy");
	}

	@Test
	void gad7OfTenOrMoreAddsATherapyReferralToo() {
		Reference anxious = newClient();
		answered(Responses.gad7(anxious.copy(), 2, 2, 2, 1, 1, 1, 1), today); // 10

		assertThat(activityIds(apply("mental-health", anxious, caseManager(), today))).contains("refer-therapy", "assess-phq-9");
	}

	@Test
	void phq9Item9AboveNotAtAllAddsASameDaySafetyPlan() {
		Reference atRisk = newClient();
		answered(Responses.phq9(atRisk.copy(), 0, 0, 0, 0, 0, 0, 0, 0, 1), today);
		Reference notAtRisk = newClient();
		answered(Responses.phq9(notAtRisk.copy(), 1, 0, 0, 0, 0, 0, 0, 0, 0), today);

		CarePlan plan = apply("mental-health", atRisk, caseManager(), today);
		assertThat(activityIds(plan)).contains("task-safety-plan").doesNotContain("refer-therapy");
		Task task = contained(plan, activity(plan, "task-safety-plan").getReference(), Task.class);
		assertThat(task.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo(today.toString());
		assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("safety-plan");
		assertThat(activityIds(apply("mental-health", notAtRisk, caseManager(), today))).doesNotContain("task-safety-plan");
	}

	/**
	 * The record $apply reads is read whole, not cut to the page a client's search would get when it
	 * sends no {@code _count}: a client assessed every day for longer than a page still gets a plan.
	 */
	@Test
	void aRecordLongerThanASearchPageIsReadWhole(@Autowired FhirServerProperties server) {
		Reference client = newClient();
		for (int daysAgo = server.defaultPageSize(); daysAgo > 0; daysAgo--) {
			answered(Responses.phq9(client.copy(), 0, 0, 0, 0, 0, 0, 0, 0, 0), today.minusDays(daysAgo));
		}
		answered(Responses.phq9(client.copy(), 2, 2, 1, 1, 1, 1, 1, 1, 0), today); // 10

		assertThat(activityIds(apply("mental-health", client, caseManager(), today))).contains("refer-therapy")
				.doesNotContain("assess-phq-9");
	}

	@Test
	void anAssessmentAnsweredRecentlyIsNotProposedAgain() {
		Reference recent = newClient();
		answered(Responses.phq9(recent.copy(), 0, 0, 0, 0, 0, 0, 0, 0, 0), today.minusDays(13));
		Reference longAgo = newClient();
		answered(Responses.phq9(longAgo.copy(), 0, 0, 0, 0, 0, 0, 0, 0, 0), today.minusDays(15));

		assertThat(activityIds(apply("mental-health", recent, caseManager(), today))).doesNotContain("assess-phq-9")
				.contains("assess-gad-7");
		assertThat(activityIds(apply("mental-health", longAgo, caseManager(), today))).contains("assess-phq-9");
	}

	@Test
	void aPositiveAuditCAddsATreatmentReferral() {
		Reference positive = newClient(AdministrativeGender.FEMALE, LocalDate.of(1980, 1, 1));
		answered(Responses.auditC(positive.copy(), 1, 1, 1), today); // 3, positive for a woman
		Reference negative = newClient(AdministrativeGender.MALE, LocalDate.of(1980, 1, 1));
		answered(Responses.auditC(negative.copy(), 1, 1, 1), today); // 3, below a man's 4

		assertThat(activityIds(apply("substance-use", positive, caseManager(), today))).contains("refer-treatment-program");
		assertThat(activityIds(apply("substance-use", negative, caseManager(), today))).doesNotContain("refer-treatment-program");
	}

	@Test
	void aDast10OfThreeOrMoreAddsATreatmentReferral() {
		Reference three = newClient();
		answered(Responses.dast10(three.copy(), 3), today);
		Reference two = newClient();
		answered(Responses.dast10(two.copy(), 2), today);

		assertThat(activityIds(apply("substance-use", three, caseManager(), today))).contains("refer-treatment-program")
				.doesNotContain("assess-dast-10");
		assertThat(activityIds(apply("substance-use", two, caseManager(), today))).doesNotContain("refer-treatment-program");
	}

	private static QuestionnaireResponse hrsn(Reference client, String living, List<String> placeProblems, String food,
			String transportation, String utilities, int safety) {
		int each = safety / 4;
		int[] hits = {each, each, each, safety - 3 * each};
		return Responses.ahcHrsn(client.copy(), living, placeProblems, food, NEVER_TRUE, transportation, utilities, hits);
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> union = new HashSet<>();
		Stream.of(sets).forEach(union::addAll);
		return union;
	}

	private static Set<String> minus(Set<String> from, Set<String> removed) {
		Set<String> rest = new HashSet<>(from);
		rest.removeAll(removed);
		return rest;
	}
}
