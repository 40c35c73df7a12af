package org.casebridge.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every program template applied to the sample stories' clients, from the story's first encounter
 * (the discharge, the intake), as a case manager would the day after: the plan starts when that
 * encounter ended, its goals fall due from then, and the story's assessments select the actions.
 */
class SampleStoryPlansIT extends PlanTestBase {

	private static final Path SAMPLES = Path.of("sample-bundles");
	private static final String SAMPLE_SYSTEM = "http://casebridge.org/fhir/sid/sample";

	/**
	 * Per story and template: the start (the first encounter's end) and what its assessments add
	 * to the template's unconditional actions. Scores as SampleBundlesIT checks them.
	 */
	static Stream<Arguments> stories() {
		return Stream.of(
				// LACE 13 (high risk); needs for home health and transportation; both screenings that day.
				Arguments.of("10-discharge-planning.json", "discharge-planning", "2026-11-16", Set.of(
						"checkin-post-discharge-call-high-risk", "checkin-weekly-call", "refer-home-health", "refer-transportation")),
				// PHQ-9 16 and GAD-7 12 at the intake; no social needs screening yet.
				Arguments.of("20-mental-health.json", "mental-health", "2026-11-03", Set.of(
						"refer-therapy", "assess-ahc-hrsn-core")),
				// Katz 4 (dependent): home care; no social needs screening yet.
				Arguments.of("30-geriatric.json", "geriatric", "2026-11-06", Set.of(
						"refer-home-care", "assess-ahc-hrsn-core")),
				// AUDIT-C 6, DAST-10 7: treatment; a housing need.
				Arguments.of("40-substance-use.json", "substance-use", "2026-11-09", Set.of(
						"refer-treatment-program", "refer-housing")),
				// The general template on the substance-use client: the housing need.
				Arguments.of("40-substance-use.json", "general", "2026-11-09", Set.of("refer-housing")));
	}

	@ParameterizedTest(name = "{1} for {0}")
	@MethodSource("stories")
	void theTemplateBecomesTheStoryClientsPlan(String story, String program, String start, Set<String> added)
			throws IOException {
		Bundle stored = load(story);
		String patient = location(stored, "Patient");
		String encounter = location(stored, "Encounter");

		Parameters parameters = new Parameters();
		parameters.addParameter("subject", new StringType(patient));
		parameters.addParameter("encounter", new StringType(encounter));
		CarePlan plan = client.operation().onInstance("PlanDefinition/" + program).named("$apply")
				.withParameters(parameters).returnResourceType(CarePlan.class).execute();

		Set<String> expected = new HashSet<>(unconditional(template(program)));
		expected.addAll(added);
		assertThat(plan.getPeriod().getStartElement().getValueAsString()).isEqualTo(start);
		assertThat(activityIds(plan)).containsExactlyInAnyOrderElementsOf(expected);
		LocalDate startDate = LocalDate.parse(start);
		Map<String, String> dueByGoal = plan.getGoal().stream().map(reference -> contained(plan, reference, Goal.class))
				.collect(Collectors.toMap(goal -> goal.getDescription().getText(),
						goal -> goal.getTargetFirstRep().getDueDateType().getValueAsString()));
		assertThat(dueByGoal).as("each goal due its template's target.due after the start")
				.isEqualTo(template(program).getGoal().stream()
						.filter(goal -> dueByGoal.containsKey(goal.getDescription().getText()))
						.collect(Collectors.toMap(goal -> goal.getDescription().getText(),
								goal -> startDate.plusDays(goal.getTargetFirstRep().getDue().getValue().intValue()).toString())));
		assertThat(dueByGoal).isNotEmpty();
		assertThat(plan.getCareTeamFirstRep().getReference()).startsWith("CareTeam/");
	}

	/** The community directory and the story, each as one transaction, their sample identifiers made unique to this test. */
	private Bundle load(String story) throws IOException {
		String system = SAMPLE_SYSTEM + "-" + unique + "-" + System.nanoTime();
		post("00-community-directory.json", system);
		return post(story, system);
	}

	private Bundle post(String file, String system) throws IOException {
		HttpResponse<String> response = send(request("/fhir").header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(Files.readString(SAMPLES.resolve(file)).replace(SAMPLE_SYSTEM, system)))
				.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(response, Bundle.class);
	}

	/** The first stored resource of a type, as the transaction response locates it. */
	private static String location(Bundle response, String type) {
		return response.getEntry().stream()
				.map(entry -> entry.getResponse().getLocation())
				.filter(location -> location.startsWith(type + "/"))
				.map(location -> location.substring(0, location.indexOf("/_history")))
				.findFirst()
				.orElseThrow();
	}
}
