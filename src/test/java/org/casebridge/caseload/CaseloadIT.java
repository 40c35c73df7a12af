package org.casebridge.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code $caseload} as a case manager's app calls it: one caseload with a client for every
 * attention reason and one with none, all dated relative to today, and the exact answer: each
 * client's program, plan and reasons, the ranking, the filters, the pages. A change to a client's
 * data changes the next answer at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadIT extends FhirServerTestBase {

	private static final String CB = "http://casebridge.org/fhir/CodeSystem/";
	private static final LocalDate TODAY = LocalDate.now();

	/** One client as the test expects $caseload to show them. */
	private record Expected(String patient, String program, List<String> reasons) {}

	private Caseload caseload;
	private final List<Expected> ranked = new ArrayList<>();

	/** Stores the shared caseload once, before the first test (the generic client exists only per test). */
	@BeforeEach
	void storeTheCaseload() throws IOException {
		if (caseload != null) {
			return;
		}
		caseload = new Caseload();
		String risk = caseload.client("Rita Risk", "mental-health", TODAY.minusDays(60));
		caseload.checkIn(risk, TODAY.minusDays(1), Encounter.EncounterStatus.FINISHED);
		phq9WithThoughtsOfSelfHarm(risk, TODAY.minusDays(3));
		String suicideRisk = need(risk, "need-suicide-risk");
		caseload.plan(risk, "mental-health", "Rita's plan", need(risk, "need-depression"));
		ranked.add(new Expected(risk, "mental-health", List.of(
				"high-risk " + suicideRisk + " " + recorded(suicideRisk),
				"reassessment-due Questionnaire/gad-7 -")));

		String needy = caseload.client("Ned Need", "general", TODAY.minusDays(30));
		caseload.checkIn(needy, TODAY.minusDays(2), Encounter.EncounterStatus.FINISHED);
		String housing = caseload.need(needy, "housing", "active", TODAY.minusDays(12));
		String food = caseload.need(needy, "food", "active", TODAY.minusDays(12));
		caseload.need(needy, "transportation", "resolved", TODAY.minusDays(12));
		caseload.plan(needy, "general", "Ned's plan", food);
		ranked.add(new Expected(needy, "general", List.of("unaddressed-need " + housing + " " + TODAY.minusDays(12))));

		String rejected = caseload.client("Rob Rejected", "general", TODAY.minusDays(30));
		caseload.checkIn(rejected, TODAY.minusDays(2), Encounter.EncounterStatus.FINISHED);
		String housingReferral = caseload.referral(rejected, "housing", TODAY.minusDays(20));
		String housingTask = caseload.task(rejected, housingReferral, Task.TaskStatus.REJECTED, TODAY.minusDays(10));
		String foodReferral = caseload.referral(rejected, "food", TODAY.minusDays(20));
		caseload.task(rejected, foodReferral, Task.TaskStatus.FAILED, TODAY.minusDays(10));
		caseload.referral(rejected, "food", TODAY.minusDays(5));
		ranked.add(new Expected(rejected, "general", List.of("referral-unresolved " + housingTask + " " + TODAY.minusDays(10))));

		String unseen = caseload.client("Una Unseen", "general", TODAY.minusDays(25));
		ranked.add(new Expected(unseen, "general", List.of("no-contact " + caseload.episodeOf(unseen) + " " + TODAY.minusDays(25))));

		String lapsed = caseload.client("Larry Lapsed", "general", TODAY.minusDays(60));
		String lastContact = caseload.checkIn(lapsed, TODAY.minusDays(20), Encounter.EncounterStatus.FINISHED);
		caseload.checkIn(lapsed, TODAY.plusDays(2), Encounter.EncounterStatus.PLANNED);
		ranked.add(new Expected(lapsed, "general", List.of("no-contact " + lastContact + " " + TODAY.minusDays(20))));

		String late = caseload.client("Gail Goal", "general", TODAY.minusDays(60));
		caseload.checkIn(late, TODAY.minusDays(2), Encounter.EncounterStatus.FINISHED);
		String overdue = caseload.goal(late, TODAY.minusDays(5), Goal.GoalLifecycleStatus.ACTIVE, null);
		caseload.goal(late, TODAY.minusDays(2), Goal.GoalLifecycleStatus.ACTIVE, "achieved");
		caseload.goal(late, TODAY.minusDays(9), Goal.GoalLifecycleStatus.CANCELLED, null);
		caseload.goal(late, TODAY, Goal.GoalLifecycleStatus.ACTIVE, null);
		ranked.add(new Expected(late, "general", List.of("goal-overdue " + overdue + " " + TODAY.minusDays(5))));

		String waiting = caseload.client("Walt Waiting", "general", TODAY.minusDays(60));
		caseload.checkIn(waiting, TODAY.minusDays(2), Encounter.EncounterStatus.FINISHED);
		String unaccepted = caseload.task(waiting, caseload.referral(waiting, "housing", TODAY.minusDays(8)),
				Task.TaskStatus.REQUESTED, TODAY.minusDays(8));
		caseload.task(waiting, caseload.referral(waiting, "food", TODAY.minusDays(5)), Task.TaskStatus.REQUESTED,
				TODAY.minusDays(5));
		String unfinished = caseload.task(waiting, caseload.referral(waiting, "employment", TODAY.minusDays(45)),
				Task.TaskStatus.ACCEPTED, TODAY.minusDays(40));
		ranked.add(new Expected(waiting, "general", List.of(
				"referral-not-accepted " + unaccepted + " " + TODAY.minusDays(8),
				"referral-not-completed " + unfinished + " " + TODAY.minusDays(40))));

		String due = caseload.client("Mia Monthly", "mental-health", TODAY.minusDays(10));
		caseload.checkIn(due, TODAY.minusDays(1), Encounter.EncounterStatus.FINISHED);
		ranked.add(new Expected(due, "mental-health", List.of(
				"reassessment-due Questionnaire/gad-7 -", "reassessment-due Questionnaire/phq-9 -")));

		// On the case manager's care team by their Practitioner rather than their role.
		String fine = caseload.clientOfPractitioner("Fiona Fine", "general", TODAY.minusDays(30));
		caseload.checkIn(fine, TODAY.minusDays(14), Encounter.EncounterStatus.FINISHED);
		caseload.goal(fine, TODAY.plusDays(10), Goal.GoalLifecycleStatus.ACTIVE, null);
		ranked.add(new Expected(fine, "general", List.of()));
	}

	@Test
	void everyClientComesWithEveryReasonMostUrgentFirst() {
		Parameters result = caseload(caseload.practitioner() + "/$caseload?_count=100");

		assertThat(total(result)).isEqualTo(ranked.size());
		assertThat(clients(result)).containsExactlyElementsOf(ranked);
		assertThat(result.getParameter("next")).isNull();
	}

	@Test
	void eachClientCarriesWhatAnAppShowsWithoutFurtherCalls() {
		ParametersParameterComponent rita = client(caseload(caseload.practitioner() + "/$caseload?_count=1"), 0);

		assertThat(((Reference) part(rita, "patient").getValue()).getDisplay()).isEqualTo("Rita Risk");
		assertThat(((Coding) part(rita, "program").getValue()).getDisplay()).isEqualTo("Mental health case management");
		assertThat(((Reference) part(rita, "episode").getValue()).getReference()).isEqualTo(caseload.episodeOf(ranked.get(0).patient()));
		assertThat(((Reference) part(rita, "carePlan").getValue()).getDisplay()).isEqualTo("Rita's plan");
		List<ParametersParameterComponent> reasons = rita.getPart().stream().filter(part -> part.getName().equals("reason")).toList();
		assertThat(part(reasons.get(0), "code").getValue()).satisfies(code -> {
			assertThat(((Coding) code).getSystem()).isEqualTo(CB + "cb-caseload-reason");
			assertThat(((Coding) code).getDisplay()).isEqualTo("High-risk need");
		});
		assertThat(part(reasons.get(0), "detail").getValue().primitiveValue()).isEqualTo("Thoughts of death or self-harm (PHQ-9 item 9)");
		assertThat(part(reasons.get(1), "detail").getValue().primitiveValue())
				.isEqualTo("GAD-7 anxiety screening: never completed; due every 30 days");
	}

	@Test
	void theWaitIsSpelledOutInEachReason() {
		Parameters walt = caseload(caseload.practitioner() + "/$caseload?reason=referral-not-completed");

		List<String> details = client(walt, 0).getPart().stream().filter(part -> part.getName().equals("reason"))
				.map(reason -> part(reason, "detail").getValue().primitiveValue()).toList();
		assertThat(details).containsExactly(
				"Referral (housing referral) requested on " + TODAY.minusDays(8) + " (8 days ago), not accepted within 5 days",
				"Referral (employment referral) accepted on " + TODAY.minusDays(40)
						+ " (40 days ago), not completed within 30 days");
	}

	@Test
	void filtersNarrowTheClientsAndKeepTheirRank() {
		assertThat(clients(caseload(caseload.practitioner() + "/$caseload?attention=true&_count=100")))
				.containsExactlyElementsOf(ranked.subList(0, ranked.size() - 1));
		assertThat(clients(caseload(caseload.practitioner() + "/$caseload?reason=no-contact")))
				.containsExactly(ranked.get(3), ranked.get(4));
		assertThat(clients(caseload(caseload.practitioner() + "/$caseload?reason=no-contact&reason=goal-overdue")))
				.containsExactly(ranked.get(3), ranked.get(4), ranked.get(5));
		assertThat(clients(caseload(caseload.practitioner() + "/$caseload?program=mental-health")))
				.containsExactly(ranked.get(0), ranked.get(7));
	}

	@Test
	void pagesFollowTheRankWithoutGapsOrRepeats() {
		List<Expected> seen = new ArrayList<>();
		String page = caseload.practitioner() + "/$caseload?_count=4";
		int pages = 0;
		while (page != null) {
			Parameters result = caseload(page);
			assertThat(total(result)).isEqualTo(ranked.size());
			seen.addAll(clients(result));
			ParametersParameterComponent next = result.getParameter("next");
			page = next == null ? null : next.getValue().primitiveValue().substring(baseUrl().length() + 1);
			pages++;
		}
		assertThat(pages).isEqualTo(3);
		assertThat(seen).containsExactlyElementsOf(ranked);
	}

	@Test
	void theRoleAndTheBaseFormAnswerForTheSameCaseManager() {
		// The role's caseload lacks the client whose team names the Practitioner itself.
		assertThat(clients(caseload(caseload.role() + "/$caseload?_count=100")))
				.containsExactlyElementsOf(ranked.subList(0, ranked.size() - 1));
		assertThat(clients(caseload("$caseload?_count=100&practitioner=" + caseload.practitioner())))
				.containsExactlyElementsOf(ranked);
	}

	@Test
	void aChangeToTheClientsDataChangesTheNextAnswer() {
		Caseload own = new Caseload();
		String patient = own.client("Chang Change", "general", TODAY.minusDays(30));
		own.checkIn(patient, TODAY.minusDays(1), Encounter.EncounterStatus.FINISHED);
		String goal = own.goal(patient, TODAY.minusDays(3), Goal.GoalLifecycleStatus.ACTIVE, null);
		String task = own.task(patient, own.referral(patient, "housing", TODAY.minusDays(9)), Task.TaskStatus.REQUESTED,
				TODAY.minusDays(9));
		assertThat(clients(caseload(own.practitioner() + "/$caseload"))).containsExactly(new Expected(patient, "general",
				List.of("goal-overdue " + goal + " " + TODAY.minusDays(3), "referral-not-accepted " + task + " " + TODAY.minusDays(9))));

		// The goal by a FHIRPath PATCH of its achievement alone, the Task by a PUT.
		HttpResponse<String> patched = send(request("/fhir/" + goal).header("Content-Type", FHIR_JSON)
				.method("PATCH", HttpRequest.BodyPublishers.ofString("""
						{"resourceType": "Parameters", "parameter": [{"name": "operation", "part": [
						  {"name": "type", "valueCode": "add"}, {"name": "path", "valueString": "Goal"},
						  {"name": "name", "valueString": "achievementStatus"},
						  {"name": "value", "valueCodeableConcept": {"coding": [{
						    "system": "http://terminology.hl7.org/CodeSystem/goal-achievement", "code": "achieved"}]}}]}]}
						""")).build());
		assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
		Task accepted = client.read().resource(Task.class).withId(task).execute();
		accepted.setStatus(Task.TaskStatus.ACCEPTED).setLastModified(date(TODAY));
		client.update().resource(accepted).execute();

		assertThat(clients(caseload(own.practitioner() + "/$caseload"))).containsExactly(new Expected(patient, "general", List.of()));
	}

	@Test
	void aWriteThatRollsBackLeavesTheCaseloadAsItWas() {
		Caseload own = new Caseload();
		String patient = own.client("Rollo Back", "general", TODAY.minusDays(30));
		own.checkIn(patient, TODAY.minusDays(1), Encounter.EncounterStatus.FINISHED);
		Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
		transaction.addEntry().setResource(own.newGoal(patient, TODAY.minusDays(3), Goal.GoalLifecycleStatus.ACTIVE, null))
				.getRequest().setMethod(HTTPVerb.POST).setUrl("Goal");
		// A referral Task for another client's referral is refused just before commit, after the
		// Goal's facts were written: the whole transaction rolls back.
		String othersReferral = own.referral(newClient().getReference(), "housing", TODAY);
		transaction.addEntry().setResource(own.newTask(patient, othersReferral, Task.TaskStatus.REQUESTED, TODAY))
				.getRequest().setMethod(HTTPVerb.POST).setUrl("Task");

		HttpResponse<String> refused = sendJson("POST", "/fhir", fhirContext.newJsonParser().encodeResourceToString(transaction));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(clients(caseload(own.practitioner() + "/$caseload"))).containsExactly(new Expected(patient, "general", List.of()));
	}

	@Test
	void aProgramsOwnThresholdsApply() {
		Caseload own = new Caseload();
		String patient = own.client("Greta Geriatric", "geriatric", TODAY.minusDays(10));
		own.checkIn(patient, TODAY.minusDays(1), Encounter.EncounterStatus.FINISHED);
		String task = own.task(patient, own.referral(patient, "home-health", TODAY.minusDays(3)), Task.TaskStatus.REQUESTED,
				TODAY.minusDays(3));

		// casebridge.caseload.programs.geriatric.referral-acceptance=P2D (FhirServerTestBase); the default is 5 days.
		Parameters result = caseload(own.practitioner() + "/$caseload?reason=referral-not-accepted");

		assertThat(clients(result)).singleElement().satisfies(client -> assertThat(client.reasons())
				.contains("referral-not-accepted " + task + " " + TODAY.minusDays(3)));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"_count=0", "_count=101", "_offset=-1", "reason=overdue", "program=astrology", "attention=maybe"})
	void badParametersAreRefused(String parameters) {
		HttpResponse<String> response = get("/fhir/" + caseload.practitioner() + "/$caseload?" + parameters);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isNotBlank();
	}

	@Test
	void anUnknownCaseManagerIsNotFoundAndTheBaseFormNeedsOne() {
		assertThat(get("/fhir/Practitioner/" + unique + "/$caseload").statusCode()).isEqualTo(404);
		HttpResponse<String> missing = get("/fhir/$caseload");
		assertThat(missing.statusCode()).as(missing.body()).isEqualTo(400);
		assertThat(get("/fhir/$caseload?practitioner=Patient/1").statusCode()).isEqualTo(400);
	}

	@Test
	void theCapabilityStatementListsTheOperationWithOurDefinition() {
		String definition = "http://casebridge.org/fhir/OperationDefinition/caseload";
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();
		for (String type : List.of("Practitioner", "PractitionerRole")) {
			assertThat(capabilities.getRestFirstRep().getResource()).filteredOn(resource -> resource.getType().equals(type))
					.singleElement().satisfies(resource -> assertThat(resource.getOperation())
							.filteredOn(operation -> operation.getName().equals("caseload"))
							.extracting(CapabilityStatementRestResourceOperationComponent::getDefinition)
							.containsExactly(definition));
		}
		assertThat(capabilities.getRestFirstRep().getOperation()).filteredOn(operation -> operation.getName().equals("caseload"))
				.extracting(CapabilityStatementRestResourceOperationComponent::getDefinition).containsExactly(definition);
		assertThat(client.search().forResource(OperationDefinition.class).where(OperationDefinition.URL.matches().value(definition))
				.returnBundle(Bundle.class).execute().getEntry()).hasSize(1);
	}

	private Parameters caseload(String relativeUrl) {
		HttpResponse<String> response = get("/fhir/" + relativeUrl);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(response, Parameters.class);
	}

	private HttpResponse<String> get(String path) {
		return send(request(path).header("Accept", FHIR_JSON).build());
	}

	private static int total(Parameters result) {
		return ((IntegerType) result.getParameter("total").getValue()).getValue();
	}

	private static ParametersParameterComponent client(Parameters result, int index) {
		return result.getParameter().stream().filter(parameter -> parameter.getName().equals("client")).toList().get(index);
	}

	private static List<Expected> clients(Parameters result) {
		return result.getParameter().stream().filter(parameter -> parameter.getName().equals("client"))
				.map(client -> new Expected(
						((Reference) part(client, "patient").getValue()).getReference(),
						part(client, "program") == null ? null : ((Coding) part(client, "program").getValue()).getCode(),
						client.getPart().stream().filter(part -> part.getName().equals("reason"))
								.map(reason -> ((Coding) part(reason, "code").getValue()).getCode() + " "
										+ ((Reference) part(reason, "resource").getValue()).getReference() + " "
										+ (part(reason, "date") == null ? "-" : part(reason, "date").getValue().primitiveValue()))
								.toList()))
				.toList();
	}

	private static ParametersParameterComponent part(ParametersParameterComponent parameter, String name) {
		return parameter.getPart().stream().filter(part -> part.getName().equals(name)).findFirst().orElse(null);
	}

	/** The package's example PHQ-9 for the client, item 9 answered "Several days": a total of 12. */
	private void phq9WithThoughtsOfSelfHarm(String patient, LocalDate authored) throws IOException {
		QuestionnaireResponse response = fhirContext.newJsonParser().parseResource(QuestionnaireResponse.class,
				Files.readString(Path.of("fhir-profiles/package/example/QuestionnaireResponse-QuestionnaireResponsePhq9.json")));
		response.setId((String) null);
		response.setSubject(new Reference(patient)).setSource(new Reference(patient)).setAuthored(date(authored))
				.setAuthor(new Reference(caseload.practitioner()));
		response.getItem().stream().flatMap(group -> Stream.concat(Stream.of(group), group.getItem().stream()))
				.filter(item -> item.getLinkId().equals("44260-8"))
				.forEach(item -> item.getAnswerFirstRep().setValue(new Coding("http://loinc.org", "LA6569-3", "Several days")));
		stored(response);
	}

	/** The day a need was recorded, as the server stored it. */
	private String recorded(String need) {
		Condition condition = client.read().resource(Condition.class).withId(need).execute();
		return (condition.hasRecordedDate() ? condition.getRecordedDateElement() : condition.getOnsetDateTimeType())
				.getValueAsString().substring(0, 10);
	}

	/** The need Condition that assessment extraction derived for the client, by its code. */
	private String need(String patient, String code) {
		Bundle needs = client.search().forResource(Condition.class)
				.where(Condition.SUBJECT.hasId(patient))
				.and(new TokenClientParam("code").exactly().systemAndCode(CB + "cb-assessment", code))
				.returnBundle(Bundle.class).execute();
		assertThat(needs.getEntry()).as("the %s need of %s", code, patient).hasSize(1);
		return needs.getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
	}

	/** A case manager (Practitioner and PractitionerRole) of this test, and the client data it writes. */
	private final class Caseload {

		private final String practitioner = newPractitioner().getReference();
		private final String role = stored(new PractitionerRole().setPractitioner(new Reference(practitioner))).getReference();
		private final Map<String, String> episodes = new HashMap<>();

		String practitioner() {
			return practitioner;
		}

		String role() {
			return role;
		}

		String client(String name, String program, LocalDate enrolled) {
			return client(name, program, enrolled, role);
		}

		String clientOfPractitioner(String name, String program, LocalDate enrolled) {
			return client(name, program, enrolled, practitioner);
		}

		private String client(String name, String program, LocalDate enrolled, String member) {
			String[] names = name.split(" ");
			Patient patient = new Patient().addName(new HumanName().setFamily(names[1]).addGiven(names[0]));
			String client = stored(patient).getReference();
			CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference(client));
			team.addParticipant().setMember(new Reference(member)).addRole(new CodeableConcept(
					new Coding(CB + "cb-care-team-role", "case-manager", "Case manager")));
			stored(team);
			EpisodeOfCare episode = new EpisodeOfCare().setStatus(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE)
					.setPatient(new Reference(client)).addType(new CodeableConcept(new Coding(CB + "cb-program", program, null)));
			episode.getPeriod().setStart(date(enrolled));
			episodes.put(client, stored(episode).getReference());
			return client;
		}

		String episodeOf(String client) {
			return episodes.get(client);
		}

		String checkIn(String client, LocalDate day, Encounter.EncounterStatus status) {
			Encounter encounter = new Encounter().setStatus(status).setSubject(new Reference(client))
					.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "VR", "virtual"));
			encounter.addType(new CodeableConcept(new Coding(CB + "cb-contact-mode", "phone", "Phone")));
			encounter.getPeriod().setStart(date(day));
			return stored(encounter).getReference();
		}

		String need(String client, String category, String clinicalStatus, LocalDate recorded) {
			Condition need = new Condition().setSubject(new Reference(client)).setRecordedDate(date(recorded))
					.setCode(new CodeableConcept().setText(category + " need"))
					.setClinicalStatus(new CodeableConcept(new Coding(
							"http://terminology.hl7.org/CodeSystem/condition-clinical", clinicalStatus, null)));
			need.addCategory(new CodeableConcept(new Coding(CB + "cb-service-category", category, null)));
			return stored(need).getReference();
		}

		String plan(String client, String program, String title, String addresses) {
			CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN)
					.setSubject(new Reference(client)).setTitle(title);
			plan.addCategory(new CodeableConcept(new Coding(CB + "cb-program", program, null)));
			plan.addAddresses(new Reference(addresses));
			return stored(plan).getReference();
		}

		String goal(String client, LocalDate due, Goal.GoalLifecycleStatus status, String achievement) {
			return stored(newGoal(client, due, status, achievement)).getReference();
		}

		Goal newGoal(String client, LocalDate due, Goal.GoalLifecycleStatus status, String achievement) {
			Goal goal = new Goal().setLifecycleStatus(status).setSubject(new Reference(client))
					.setDescription(new CodeableConcept().setText("Goal due " + due));
			goal.addTarget().setDue(new DateType(due.toString()));
			if (achievement != null) {
				goal.setAchievementStatus(new CodeableConcept(new Coding(
						"http://terminology.hl7.org/CodeSystem/goal-achievement", achievement, null)));
			}
			return goal;
		}

		String referral(String client, String category, LocalDate authored) {
			ServiceRequest referral = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
					.setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(new Reference(client))
					.setAuthoredOn(date(authored)).setCode(new CodeableConcept().setText(category + " referral"));
			referral.addCategory(new CodeableConcept(new Coding(CB + "cb-service-category", category, null)));
			return stored(referral).getReference();
		}

		String task(String client, String referral, Task.TaskStatus status, LocalDate since) {
			return stored(newTask(client, referral, status, since)).getReference();
		}

		Task newTask(String client, String referral, Task.TaskStatus status, LocalDate since) {
			Task task = new Task().setStatus(status).setIntent(Task.TaskIntent.ORDER).setFor(new Reference(client))
					.setFocus(new Reference(referral)).setAuthoredOn(date(since)).setLastModified(date(since));
			task.getCode().addCoding(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", null));
			if (status == Task.TaskStatus.REJECTED || status == Task.TaskStatus.FAILED) {
				task.setStatusReason(new CodeableConcept().setText("No capacity"));
			}
			return task;
		}
	}
}
