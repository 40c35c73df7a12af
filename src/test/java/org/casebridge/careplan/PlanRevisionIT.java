package org.casebridge.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.casebridge.Responses;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.ActionConditionKind;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The plan after {@code $apply}: edits are versions, a new application replaces the old plan
 * explicitly, goal progress is recorded, overdue goals are one search away, and a template a
 * client stores is applied like the package's own.
 */
class PlanRevisionIT extends PlanTestBase {

	private static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";

	@Test
	void editsToAStoredPlanAreVersionsInItsHistory() {
		CarePlan plan = storedPlan("general", newClient(), today);

		plan.addNote().setText("Client prefers calls after 5 pm.");
		client.update().resource(plan).execute();

		Bundle history = client.history().onInstance(plan.getIdElement().toUnqualifiedVersionless()).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).extracting(entry -> ((CarePlan) entry.getResource()).getNoteFirstRep().getText())
				.containsExactly("Client prefers calls after 5 pm.", null);
	}

	@Test
	void applyingAgainAfterNewAssessmentsReplacesThePlanAndRevokesTheOldOne() {
		Reference client = newClient();
		CarePlan first = storedPlan("mental-health", client, today);
		answered(Responses.phq9(client.copy(), 2, 2, 2, 2, 1, 1, 1, 1, 0), today);

		Bundle replacement = applyAsTransaction("mental-health", client, caseManager(), today);
		this.client.transaction().withBundle(replacement).execute();
		this.client.transaction().withBundle(replacement).execute();

		List<CarePlan> plans = plansOf(client);
		assertThat(plans).extracting(CarePlan::getStatus)
				.containsExactlyInAnyOrder(CarePlan.CarePlanStatus.ACTIVE, CarePlan.CarePlanStatus.REVOKED);
		CarePlan active = plans.stream().filter(plan -> plan.getStatus() == CarePlan.CarePlanStatus.ACTIVE).findFirst().orElseThrow();
		assertThat(active.getReplaces()).extracting(Reference::getReference)
				.containsExactly(first.getIdElement().toUnqualifiedVersionless().getValue());
		assertThat(activityIds(active)).contains("refer-therapy");
		assertThat(activityIds(first)).doesNotContain("refer-therapy");
	}

	@Test
	void applyingTheSameRecordAgainProposesThePlanAlreadyStored() {
		Reference client = newClient();
		storedPlan("general", client, today);

		Bundle again = applyAsTransaction("general", client, caseManager(), today);

		assertThat(again.getEntry()).noneMatch(entry -> entry.getRequest().getMethod() == Bundle.HTTPVerb.PATCH);
		this.client.transaction().withBundle(again).execute();
		assertThat(plansOf(client)).singleElement().extracting(CarePlan::getStatus).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
	}

	@Test
	void goalProgressIsRecordedWithItsEvidence() {
		Reference client = newClient();
		CarePlan plan = storedPlan("mental-health", client, today);
		answered(Responses.phq9(client.copy(), 1, 1, 1, 1, 0, 0, 0, 0, 0), today);
		Observation score = search(Observation.class, "code=http://loinc.org|44261-6&subject=" + client.getReference()).get(0);
		Goal goal = this.client.read().resource(Goal.class).withUrl(plan.getGoalFirstRep().getReference()).execute();

		goal.setLifecycleStatus(Goal.GoalLifecycleStatus.COMPLETED)
				.setAchievementStatus(new CodeableConcept(new Coding(GOAL_ACHIEVEMENT, "achieved", "Achieved")))
				.addOutcomeReference(new Reference(score.getIdElement().toUnqualifiedVersionless().getValue()));
		this.client.update().resource(goal).execute();

		Goal read = this.client.read().resource(Goal.class).withId(goal.getIdElement().toUnqualifiedVersionless()).execute();
		assertThat(read.getIdElement().getVersionIdPart()).isEqualTo("2");
		assertThat(read.getAchievementStatus().getCodingFirstRep().getCode()).isEqualTo("achieved");
		assertThat(read.getOutcomeReferenceFirstRep().getReference()).isEqualTo(score.getIdElement().toUnqualifiedVersionless().getValue());
	}

	@Test
	void aCaseManagerFindsOverdueGoalsWithOneSearch() {
		Reference client = newClient();
		LocalDate start = today.minusDays(20);
		CarePlan plan = storedPlan("discharge-planning", client, start);
		List<Goal> goals = plan.getGoal().stream()
				.map(reference -> this.client.read().resource(Goal.class).withUrl(reference.getReference()).execute())
				.toList();
		Goal achieved = goals.stream().filter(goal -> dueDate(goal).isBefore(today)).findFirst().orElseThrow();
		achieved.setAchievementStatus(new CodeableConcept(new Coding(GOAL_ACHIEVEMENT, "achieved", "Achieved")));
		this.client.update().resource(achieved).execute();

		List<Goal> overdue = search(Goal.class, "subject=" + client.getReference()
				+ "&lifecycle-status=active&target-date=lt" + today + "&achievement-status:not=achieved");

		assertThat(overdue).extracting(goal -> goal.getIdElement().toUnqualifiedVersionless().getValue())
				.containsExactlyInAnyOrderElementsOf(goals.stream()
						.filter(goal -> dueDate(goal).isBefore(today) && goal != achieved)
						.map(goal -> goal.getIdElement().toUnqualifiedVersionless().getValue())
						.toList())
				.isNotEmpty();
	}

	@Test
	void aTemplateAClientStoresIsAppliedTheSameWay() {
		PlanDefinition template = new PlanDefinition().setStatus(PublicationStatus.ACTIVE)
				.setUrl("http://agency.example/PlanDefinition/" + unique).setTitle("Older adults in the day programme");
		template.addUseContext().setCode(new Coding("http://terminology.hl7.org/CodeSystem/usage-context-type", "program", null))
				.setValue(new CodeableConcept(new Coding("http://casebridge.org/fhir/CodeSystem/cb-program", "geriatric", null)));
		PlanDefinition.PlanDefinitionGoalComponent goal = template.addGoal();
		goal.setId("stay-active");
		goal.getDescription().setText("Attend the day programme twice a week");
		template.getGoalFirstRep().addTarget().getDue().setValue(60).setUnit("days").setSystem("http://unitsofmeasure.org").setCode("d");
		action(template, "refer-day-programme", "caregiver-support", "%subject.birthDate <= %start - 75 years");
		action(template, "refer-enrolled-meals", "food", "%episodes.where(type.coding.code = 'geriatric').exists()");
		String id = client.create().resource(template).execute().getId().getIdPart();
		Reference older = newClient(AdministrativeGender.MALE, today.minusYears(80));
		Reference younger = newClient(AdministrativeGender.MALE, today.minusYears(70));
		enrol(younger, "geriatric");

		assertThat(activityIds(apply(id, older, caseManager(), today))).containsExactly("refer-day-programme");
		assertThat(activityIds(apply(id, younger, caseManager(), today))).containsExactly("refer-enrolled-meals");
	}

	@Test
	void aTemplateWithABrokenConditionIs422AndStoresNothing() {
		PlanDefinition template = template("general").copy();
		template.setId((String) null);
		template.setUrl("http://agency.example/PlanDefinition/broken-" + unique);
		template.getActionFirstRep().addCondition().setKind(ActionConditionKind.APPLICABILITY)
				.setExpression(new Expression().setLanguage("text/fhirpath").setExpression("%nosuchvariable.exists()"));
		template.getActionFirstRep().setRequiredBehavior(PlanDefinition.ActionRequiredBehavior.COULD);
		String id = client.create().resource(template).execute().getId().getIdPart();
		Reference client = newClient();

		HttpResponse<String> response = send(request("/fhir/PlanDefinition/" + id + "/$apply?subject=" + client.getReference()
				+ "&practitioner=" + caseManager().getReference()).header("Accept", FHIR_JSON).build());

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("nosuchvariable");
		assertThat(plansOf(client)).isEmpty();
	}

	private CarePlan storedPlan(String template, Reference client, LocalDate start) {
		this.client.transaction().withBundle(applyAsTransaction(template, client, caseManager(), start)).execute();
		return plansOf(client).stream().filter(plan -> plan.getStatus() == CarePlan.CarePlanStatus.ACTIVE).findFirst().orElseThrow();
	}

	private List<CarePlan> plansOf(Reference client) {
		return search(CarePlan.class, "subject=" + client.getReference());
	}

	private <T extends Resource> List<T> search(Class<T> type, String query) {
		return this.client.search().byUrl(type.getSimpleName() + "?" + query).returnBundle(Bundle.class).execute()
				.getEntry().stream().map(entry -> type.cast(entry.getResource())).toList();
	}

	private void enrol(Reference client, String program) {
		EpisodeOfCare episode = new EpisodeOfCare().setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE)
				.setPatient(client.copy())
				.setPeriod(new Period().setStart(date(today.minusDays(30))));
		episode.addType(new CodeableConcept(new Coding("http://casebridge.org/fhir/CodeSystem/cb-program", program, null)));
		this.client.create().resource(episode).execute();
	}

	private static void action(PlanDefinition template, String id, String category, String condition) {
		PlanDefinitionActionComponent action = template.addAction().setTitle(id).setRequiredBehavior(PlanDefinition.ActionRequiredBehavior.COULD);
		action.setId(id);
		action.addCode(new CodeableConcept(new Coding(SERVICE_CATEGORY, category, null)));
		action.addGoalId("stay-active");
		action.addCondition().setKind(ActionConditionKind.APPLICABILITY)
				.setExpression(new Expression().setLanguage("text/fhirpath").setExpression(condition));
	}

	private static LocalDate dueDate(Goal goal) {
		return LocalDate.parse(goal.getTargetFirstRep().getDueDateType().getValueAsString());
	}
}
