package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.casebridge.security.TestAuthorizationServer.Client;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Referral parties (issue 13, item 3): a community organisation's backend service (a token with
 * CaseBridge's {@code organization} claim) is the performer of the referral Tasks it owns. It sees
 * those Tasks and the ServiceRequests that name it as performer, nothing else of the client, and
 * sets only the performer's statuses; the case manager who requested the referral sets only the
 * requester's (SDOHCC "Set By"). Each version of the Task names who wrote it (issue 11, item 5).
 */
class ReferralPartiesIT extends SecuredServerTestBase {

	private static final String PERFORMER = "Organization/" + TestAuthorizationServer.COMMUNITY_ORGANIZATION;
	private static final String CHANGED_BY = "http://casebridge.org/fhir/StructureDefinition/cb-changed-by";

	private String patient;
	private String observation;
	private String referral;
	private String task;
	private String othersTask;
	private String performerToken;
	private String caseManagerToken;

	@BeforeEach
	void referAClientToTheCommunityOrganisation() {
		storeCommunityOrganisation();
		String requester = storePractitioner(TestAuthorizationServer.CASE_MANAGER);
		patient = newClient().getReference();
		storeCareTeam(patient, requester);
		Observation measured = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference(patient));
		measured.getCode().addCoding().setSystem("http://loinc.org").setCode("8867-4");
		observation = stored(measured).getReference();

		referral = referral(PERFORMER, requester);
		task = task(referral, PERFORMER, requester);
		String elsewhere = stored(new Organization().setName("Another agency")).getReference();
		othersTask = task(referral(elsewhere, requester), elsewhere, requester);

		performerToken = token(Client.COMMUNITY_ORG, "system/*.rs system/Task.rus");
		caseManagerToken = token(Client.CASE_MANAGER_APP, "user/*.cruds");
	}

	@Test
	void thePerformerSeesItsReferralAndNothingElseOfTheClient() {
		assertThat(get("/fhir/" + task, performerToken).statusCode()).isEqualTo(200);
		assertThat(get("/fhir/" + referral, performerToken).statusCode()).isEqualTo(200);
		assertThat(ids(get("/fhir/Task?_count=100", performerToken))).contains(task).doesNotContain(othersTask);
		assertThat(ids(get("/fhir/Task?patient=" + patient, performerToken))).containsExactly(task);
		assertThat(ids(get("/fhir/ServiceRequest?subject=" + patient, performerToken))).containsExactly(referral);

		for (String path : List.of(patient, observation, othersTask, "Observation?subject=" + patient, "Patient?_id=" + patient.substring(8) + "&_summary=count",
				patient + "/$everything", "$export?_type=Task")) {
			HttpResponse<String> refused = get("/fhir/" + path, performerToken);
			assertThat(refused.statusCode()).as(path + ": " + refused.body()).isEqualTo(403);
		}
	}

	@Test
	void eachPartySetsOnlyItsOwnStatuses() {
		assertSetBy(caseManagerToken, TaskStatus.ACCEPTED, 403);
		assertSetBy(performerToken, TaskStatus.ACCEPTED, 200);
		assertSetBy(caseManagerToken, TaskStatus.INPROGRESS, 403);
		assertSetBy(performerToken, TaskStatus.INPROGRESS, 200);
		assertSetBy(performerToken, TaskStatus.ENTEREDINERROR, 403);
		assertSetBy(performerToken, TaskStatus.COMPLETED, 200);

		assertThat(client.read().resource(ServiceRequest.class).withId(referral).execute().getStatus())
				.isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
		assertSetBy(caseManagerToken, TaskStatus.ENTEREDINERROR, 200);
	}

	@Test
	void theRequesterCancelsAndThePerformerCannotTakeOverAnotherOrganisationsReferral() {
		assertSetBy(caseManagerToken, TaskStatus.CANCELLED, 200);

		Task foreign = client.read().resource(Task.class).withId(othersTask).execute();
		foreign.setStatus(TaskStatus.ACCEPTED).setOwner(new Reference(PERFORMER));
		assertThat(put(foreign, performerToken).statusCode()).isEqualTo(403);
		assertThat(client.read().resource(Task.class).withId(othersTask).execute().getStatus()).isEqualTo(TaskStatus.REQUESTED);
	}

	/**
	 * The Task's history is the referral's story in one request: each version's status, when it was
	 * written and who wrote it, named from the token (a name a client sends itself is replaced).
	 */
	@Test
	void theTaskHistoryNamesWhoWroteEachVersion() {
		assertSetBy(performerToken, TaskStatus.ACCEPTED, 200);
		Task forged = client.read().resource(Task.class).withId(task).execute();
		forged.setStatus(TaskStatus.CANCELLED).setStatusReason(new CodeableConcept().setText("Client moved away"));
		forged.getMeta().getExtension().clear();
		forged.getMeta().addExtension(CHANGED_BY, new Reference(PERFORMER));
		assertThat(put(forged, caseManagerToken).statusCode()).isEqualTo(200);

		HttpResponse<String> history = get("/fhir/" + task + "/_history", caseManagerToken);

		assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
		List<Task> versions = parse(history, Bundle.class).getEntry().stream().map(entry -> (Task) entry.getResource()).toList();
		assertThat(versions).map(version -> version.getMeta().getVersionId() + " " + version.getStatus().toCode() + " by " + changedBy(version))
				.containsExactly(
						"3 cancelled by Practitioner/" + TestAuthorizationServer.CASE_MANAGER,
						"2 accepted by " + PERFORMER,
						"1 requested by urn:casebridge:token-subject|" + Client.EHR_BACKEND.id);
		assertThat(versions).map(version -> version.getMeta().getLastUpdated()).isSortedAccordingTo(Comparator.reverseOrder());
	}

	private static String changedBy(Task version) {
		Reference who = (Reference) version.getMeta().getExtensionByUrl(CHANGED_BY).getValue();
		return who.hasReference() ? who.getReference() : who.getIdentifier().getSystem() + "|" + who.getIdentifier().getValue();
	}

	/** The stored Task, moved to {@code status} by the token's bearer, answers {@code expected}. */
	private void assertSetBy(String token, TaskStatus status, int expected) {
		Task next = client.read().resource(Task.class).withId(task).execute();
		next.setStatus(status);
		if (status == TaskStatus.COMPLETED) {
			next.addOutput().setType(new CodeableConcept().setText("Resulting activity")).setValue(new StringType("Housed"));
		}
		if (status == TaskStatus.CANCELLED) {
			next.setStatusReason(new CodeableConcept().setText("Client moved away"));
		}
		String before = next.getMeta().getVersionId();
		HttpResponse<String> answer = put(next, token);

		assertThat(answer.statusCode()).as(status.toCode() + ": " + answer.body()).isEqualTo(expected);
		if (expected == 403) {
			assertThat(answer.body()).contains("OperationOutcome");
			assertThat(client.read().resource(Task.class).withId(task).execute().getMeta().getVersionId()).isEqualTo(before);
		}
	}

	private HttpResponse<String> put(Task next, String token) {
		return send(request("/fhir/" + next.getIdElement().toUnqualifiedVersionless().getValue())
				.header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON).header("Authorization", "Bearer " + token)
				.PUT(HttpRequest.BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(next))).build());
	}

	private String referral(String performer, String requester) {
		ServiceRequest request = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
				.setIntent(ServiceRequest.ServiceRequestIntent.ORDER).setSubject(new Reference(patient))
				.setRequester(new Reference(requester)).setAuthoredOn(new Date())
				.setCode(new CodeableConcept().setText("Housing referral"));
		request.addPerformer(new Reference(performer));
		return stored(request).getReference();
	}

	private String task(String focus, String owner, String requester) {
		Task referralTask = new Task().setStatus(TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER)
				.setFocus(new Reference(focus)).setFor(new Reference(patient)).setOwner(new Reference(owner))
				.setRequester(new Reference(requester)).setAuthoredOn(new Date());
		referralTask.getCode().addCoding(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill", null));
		return stored(referralTask).getReference();
	}

	private List<String> ids(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(response, Bundle.class).getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().toUnqualifiedVersionless().getValue()).toList();
	}
}
