package org.casebridge.careplan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.casebridge.Responses;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionGoalComponent;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;

/** {@code $apply} as a discharge planner's app calls it: the plan's shape, storing it, and what bad requests get. */
class PlanApplyIT extends PlanTestBase {

	private static final String DISCHARGE = "http://casebridge.org/fhir/PlanDefinition/discharge-planning";

	@Test
	void theDischargePlanStartsAtTheDischargeWithDatedGoalsAndItsActivities() {
		Reference client = newClient();
		Reference careTeam = careTeam(client, caseManager());
		LocalDate discharge = LocalDate.of(2026, 11, 16);
		Encounter stay = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
				.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient"))
				.setSubject(client.copy())
				.setPeriod(new Period().setStartElement(new DateTimeType("2026-11-10T08:00:00-05:00"))
						.setEndElement(new DateTimeType("2026-11-16T15:30:00-05:00")));
		String encounter = stored(stay).getReference();
		answered(Responses.lace(client.copy(), 4, true, 3, 1), discharge);

		Parameters parameters = new Parameters();
		parameters.addParameter("subject", new StringType(client.getReference()));
		parameters.addParameter("encounter", new StringType(encounter));
		CarePlan plan = this.client.operation().onInstance("PlanDefinition/discharge-planning").named("$apply")
				.withParameters(parameters).returnResourceType(CarePlan.class).execute();

		PlanDefinition template = template("discharge-planning");
		assertThat(plan.getPeriod().getStartElement().getValueAsString()).isEqualTo("2026-11-16");
		assertThat(plan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
		assertThat(plan.getIntent()).isEqualTo(CarePlan.CarePlanIntent.PLAN);
		assertThat(plan.getInstantiatesCanonical()).extracting(c -> c.getValue()).containsExactly(DISCHARGE);
		assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("discharge-planning");
		assertThat(plan.getSubject().getReference()).isEqualTo(client.getReference());
		assertThat(plan.getEncounter().getReference()).isEqualTo(encounter);
		assertThat(plan.getCareTeam()).extracting(Reference::getReference).containsExactly(careTeam.getReference());
		assertThat(plan.getAuthor().getReference()).isEqualTo(caseManager().getReference());

		Map<String, String> dueByGoal = plan.getGoal().stream()
				.map(reference -> contained(plan, reference, Goal.class))
				.collect(Collectors.toMap(goal -> goal.getDescription().getText(),
						goal -> goal.getTargetFirstRep().getDueDateType().getValueAsString()));
		assertThat(dueByGoal).isEqualTo(template.getGoal().stream().collect(Collectors.toMap(
				goal -> goal.getDescription().getText(),
				goal -> discharge.plusDays(goal.getTargetFirstRep().getDue().getValue().intValue()).toString())));
		assertThat(dueByGoal.values()).containsExactlyInAnyOrder("2026-11-23", "2026-11-30", "2026-12-16");

		ServiceRequest followUp = contained(plan, activity(plan, "refer-follow-up-visit").getReference(), ServiceRequest.class);
		assertThat(followUp.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
		assertThat(followUp.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
		assertThat(followUp.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("medical-care");
		assertThat(followUp.getOccurrencePeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-23");
		assertThat(followUp.getBasedOnFirstRep().getReference()).isEqualTo("#");
		assertThat(followUp.getRequester().getReference()).isEqualTo(caseManager().getReference());
		assertThat(followUp.getReasonCodeFirstRep().getText()).startsWith("Transitional care");
		assertThat(followUp.getExtensionsByUrl("http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal"))
				.extracting(extension -> contained(plan, (Reference) extension.getValue(), Goal.class).getDescription().getText())
				.containsExactlyInAnyOrder(goalText(template, "follow-up-visit"), goalText(template, "no-readmission"));

		Task hrsn = contained(plan, activity(plan, "assess-ahc-hrsn-core").getReference(), Task.class);
		Bundle questionnaires = this.client.search().forResource(Questionnaire.class)
				.where(Questionnaire.URL.matches().value("http://casebridge.org/fhir/Questionnaire/ahc-hrsn-core"))
				.returnBundle(Bundle.class).execute();
		assertThat(hrsn.getFocus().getReference())
				.isEqualTo(questionnaires.getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue());
		assertThat(hrsn.getFor().getReference()).isEqualTo(client.getReference());
		assertThat(hrsn.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-11-16");

		assertThat(activity(plan, "checkin-weekly-call").getDetail().getScheduledTiming().getEvent())
				.extracting(event -> event.getValueAsString())
				.containsExactly("2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14");
		assertThat(activity(plan, "checkin-30-days").getDetail().getScheduledPeriod().getEndElement().getValueAsString())
				.isEqualTo("2026-12-16");

		assertThat(plan.getMeta().getProfile()).extracting(profile -> profile.getValue())
				.containsExactly("http://casebridge.org/fhir/StructureDefinition/cb-careplan");
		assertThat(validate(plan).getIssue())
				.filteredOn(issue -> issue.getSeverity().ordinal() <= OperationOutcome.IssueSeverity.ERROR.ordinal())
				.extracting(issue -> issue.getDiagnostics() + " at " + issue.getLocation())
				.isEmpty();
	}

	@Test
	void aClientWithoutACareTeamGetsANewOneLedByThePractitioner() {
		Reference client = newClient();

		CarePlan plan = apply("general", client, caseManager(), today);

		CareTeam team = contained(plan, plan.getCareTeamFirstRep(), CareTeam.class);
		assertThat(team.getSubject().getReference()).isEqualTo(client.getReference());
		assertThat(team.getParticipant()).singleElement().satisfies(participant -> {
			assertThat(participant.getMember().getReference()).isEqualTo(caseManager().getReference());
			assertThat(participant.getRoleFirstRep().getCodingFirstRep().getCode()).isEqualTo("case-manager");
		});
	}

	@Test
	void theTransactionFormStoresThePlanOnceHoweverOftenItIsPosted() {
		Reference client = newClient();
		answered(Responses.phq9(client.copy(), 2, 2, 1, 1, 1, 1, 1, 1, 1), today);
		Bundle transaction = applyAsTransaction("mental-health", client, caseManager(), today);

		Bundle first = this.client.transaction().withBundle(transaction).execute();
		Bundle second = this.client.transaction().withBundle(transaction).execute();

		assertThat(first.getEntry()).extracting(entry -> entry.getResponse().getStatus()).allMatch(status -> status.startsWith("201"));
		assertThat(second.getEntry()).extracting(entry -> entry.getResponse().getStatus()).allMatch(status -> status.startsWith("200"));
		assertThat(second.getEntry()).extracting(entry -> entry.getResponse().getLocation())
				.isEqualTo(first.getEntry().stream().map(entry -> entry.getResponse().getLocation()).toList());
		Map<String, Long> stored = first.getEntry().stream().collect(Collectors.groupingBy(
				entry -> entry.getResponse().getLocation().split("/")[0], Collectors.counting()));
		CarePlan plan = this.client.search().forResource(CarePlan.class).where(CarePlan.SUBJECT.hasId(client.getReference()))
				.returnBundle(Bundle.class).execute().getEntry().stream().map(entry -> (CarePlan) entry.getResource())
				.collect(Collectors.collectingAndThen(Collectors.toList(), plans -> {
					assertThat(plans).hasSize(1);
					return plans.get(0);
				}));
		assertThat(stored.get("CarePlan")).isEqualTo(1);
		assertThat(stored.get("Goal")).isEqualTo(plan.getGoal().size());
		assertThat(stored.get("CareTeam")).isEqualTo(1);
		assertThat(stored.get("ServiceRequest") + stored.get("Task"))
				.isEqualTo(plan.getActivity().stream().filter(CarePlan.CarePlanActivityComponent::hasReference).count());
		assertThat(countOf(ServiceRequest.class, client)).isEqualTo(stored.get("ServiceRequest"));
		assertThat(plan.getActivity()).extracting(activity -> activity.hasReference()
				? activity.getReference().getReference().split("/")[0] : "detail").doesNotContain("urn:uuid:");
		ServiceRequest therapy = this.client.read().resource(ServiceRequest.class)
				.withUrl(activity(plan, "refer-therapy").getReference().getReference()).execute();
		assertThat(therapy.getBasedOnFirstRep().getReference()).isEqualTo(plan.getIdElement().toUnqualifiedVersionless().getValue());
		assertThat(therapy.getMeta().getProfile()).extracting(p -> p.getValue())
				.containsExactly("http://casebridge.org/fhir/StructureDefinition/cb-referral");
	}

	@Test
	void aPlanThatCannotBeStoredWhollyStoresNothing() {
		Reference client = newClient();
		Bundle transaction = applyAsTransaction("general", client, caseManager(), today);
		// An app that edited the proposal and lost a goal's due date, which cb-goal requires.
		transaction.getEntry().stream().map(BundleEntryComponent::getResource).filter(Goal.class::isInstance)
				.map(Goal.class::cast).reduce((first, last) -> last).orElseThrow().getTargetFirstRep().setDue(null);

		HttpResponse<String> response = send(request("/fhir").header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.POST(BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(transaction))).build());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(countOf(CarePlan.class, client) + countOf(Goal.class, client) + countOf(ServiceRequest.class, client))
				.isZero();
	}

	@Test
	void fourDevicesPostingTheSamePlanAtOnceStoreItOnce() throws Exception {
		Reference client = newClient();
		String transaction = fhirContext.newJsonParser().encodeResourceToString(
				applyAsTransaction("discharge-planning", client, caseManager(), today));
		ExecutorService devices = Executors.newFixedThreadPool(4);
		try {
			List<Future<HttpResponse<String>>> posts = devices.invokeAll(Collections.nCopies(4, () -> send(request("/fhir")
					.header("Content-Type", FHIR_JSON).POST(BodyPublishers.ofString(transaction)).build())));
			for (Future<HttpResponse<String>> post : posts) {
				assertThat(post.get().statusCode()).as(post.get().body()).isEqualTo(200);
			}
		} finally {
			devices.shutdown();
		}

		assertThat(countOf(CarePlan.class, client)).isEqualTo(1);
		assertThat(countOf(Goal.class, client)).isEqualTo(template("discharge-planning").getGoal().size());
	}

	@Test
	void aClientWithNoCareTeamAndNoPractitionerGets400() {
		Reference client = newClient();

		HttpResponse<String> response = get("/fhir/PlanDefinition/general/$apply?subject=" + client.getReference());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("no active care team with a case manager");
	}

	@Test
	void badParametersAreTheClientsMistake() {
		Reference client = newClient();
		String practitioner = "&practitioner=" + caseManager().getReference();

		assertThat(get("/fhir/PlanDefinition/general/$apply?practitioner=" + caseManager().getReference()).statusCode()).isEqualTo(400);
		assertThat(get("/fhir/PlanDefinition/general/$apply?subject=Observation/1" + practitioner).statusCode()).isEqualTo(400);
		assertThat(get("/fhir/PlanDefinition/general/$apply?subject=Patient/" + unique + practitioner).statusCode()).isEqualTo(404);
		assertThat(get("/fhir/PlanDefinition/" + unique + "/$apply?subject=" + client.getReference() + practitioner).statusCode())
				.isEqualTo(404);
		assertThat(get("/fhir/PlanDefinition/general/$apply?subject=" + client.getReference() + practitioner + "&resultForm=pdf")
				.statusCode()).isEqualTo(400);
		assertThat(get("/fhir/PlanDefinition/general/$apply?subject=" + client.getReference() + practitioner + "&start=2026-13-45")
				.statusCode()).isEqualTo(400);
		Reference other = newClient();
		String othersEncounter = stored(new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
				.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient"))
				.setSubject(other.copy())).getReference();
		HttpResponse<String> wrongEncounter = get("/fhir/PlanDefinition/general/$apply?subject=" + client.getReference()
				+ practitioner + "&encounter=" + othersEncounter);
		assertThat(wrongEncounter.statusCode()).isEqualTo(422);
		assertThat(parse(wrongEncounter, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.contains("is not an encounter of " + client.getReference());
	}

	@Test
	void theCapabilityStatementListsApplyWithTheDefinitionOurPackageStores() {
		OperationDefinition definition = assertOperationDefinedByOurPackage("PlanDefinition", "apply");
		assertThat(definition.getParameter()).extracting(parameter -> parameter.getName())
				.containsExactly("subject", "encounter", "practitioner", "organization", "start", "resultForm", "return");
	}

	private Reference careTeam(Reference client, Reference caseManager) {
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(client.copy());
		team.addParticipant().setMember(caseManager.copy()).addRole().addCoding()
				.setSystem("http://casebridge.org/fhir/CodeSystem/cb-care-team-role").setCode("case-manager");
		return new Reference(this.client.create().resource(team).execute().getId().toUnqualifiedVersionless().getValue());
	}


	private OperationOutcome validate(CarePlan plan) {
		Parameters parameters = new Parameters();
		parameters.addParameter().setName("resource").setResource(plan);
		return (OperationOutcome) client.operation().onType(CarePlan.class).named("$validate").withParameters(parameters)
				.returnResourceType(OperationOutcome.class).execute();
	}

	private long countOf(Class<? extends Resource> type, Reference subject) {
		return client.search().byUrl(type.getSimpleName() + "?subject=" + subject.getReference())
				.returnBundle(Bundle.class).execute().getEntry().size();
	}

	private static String goalText(PlanDefinition template, String goalId) {
		return template.getGoal().stream().filter(goal -> goalId.equals(goal.getId()))
				.map(PlanDefinitionGoalComponent::getDescription).map(description -> description.getText())
				.findFirst().orElseThrow();
	}

	private HttpResponse<String> get(String path) {
		return send(request(path).header("Accept", FHIR_JSON).build());
	}
}
