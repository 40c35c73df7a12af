package org.casebridge.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The closed referral loop as a case manager and a community organisation drive it over FHIR:
 * the plan proposes a referral, the case manager sends it with its Task, the organisation accepts,
 * starts and completes it; every illegal jump on the way is refused and changes nothing, and the
 * referral and the plan follow the Task in the same transaction.
 */
class ReferralLoopIT extends FhirServerTestBase {

	private static final String OUTCOME_REASONS = "http://casebridge.org/fhir/CodeSystem/cb-referral-outcome-reason";

	private Reference subject;
	private Reference organisation;
	private CarePlan plan;
	private ServiceRequest referral;

	/** A client with a general case-management plan whose primary care referral is still a draft. */
	@BeforeEach
	void planWithADraftReferral() {
		subject = newClient();
		Reference caseManager = newPractitioner();
		organisation = stored(new Organization().setName("Eastside Community Clinic " + unique));
		Parameters parameters = new Parameters();
		parameters.addParameter("subject", new StringType(subject.getReference()));
		parameters.addParameter("practitioner", new StringType(caseManager.getReference()));
		parameters.addParameter("start", new DateType(LocalDate.now().toString()));
		parameters.addParameter("resultForm", new CodeType("transaction"));
		Bundle transaction = client.operation().onInstance("PlanDefinition/general").named("$apply")
				.withParameters(parameters).returnResourceType(Bundle.class).execute();
		client.transaction().withBundle(transaction).execute();
		plan = search(CarePlan.class, "subject=" + subject.getReference()).get(0);
		String referralId = plan.getActivity().stream().filter(activity -> "refer-medical-care".equals(activity.getId()))
				.findFirst().orElseThrow().getReference().getReference();
		referral = client.read().resource(ServiceRequest.class).withUrl(referralId).execute();
	}

	@Test
	void theWholeLoopFromRequestToCompletion() {
		assertThat(referral.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.DRAFT);
		Task task = send(newTask(TaskStatus.REQUESTED));
		assertThat(reread(referral).getStatus()).as("sending the referral").isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
		assertThat(reread(referral).getPerformerFirstRep().getReference()).isEqualTo(organisation.getReference());

		assertRefused(task, withOutput(task.copy()).setStatus(TaskStatus.COMPLETED),
				"A referral Task cannot go from requested to completed");
		assertRefused(task, task.copy().setStatus(TaskStatus.INPROGRESS), "A referral Task cannot go from requested to in-progress");
		task = update(task.setStatus(TaskStatus.ACCEPTED));
		assertRefused(task, task.copy().setStatus(TaskStatus.REQUESTED), "A referral Task cannot go from accepted to requested");
		task = update(task.setStatus(TaskStatus.INPROGRESS));
		// The profile the Task declares says it first; the rule holds for Tasks that declare none too.
		assertRefused(task, task.copy().setStatus(TaskStatus.COMPLETED), "cb-referral-task-2");
		Task undeclared = task.copy().setStatus(TaskStatus.COMPLETED);
		undeclared.getMeta().getProfile().clear();
		assertRefused(task, undeclared, "A completed referral Task says what was done in output");
		task = update(withOutput(task).setStatus(TaskStatus.COMPLETED));
		assertRefused(task, task.copy().setStatus(TaskStatus.INPROGRESS), "from completed it may go to entered-in-error");

		assertThat(reread(referral).getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.COMPLETED);
		CarePlan.CarePlanActivityComponent activity = reread(plan).getActivity().stream()
				.filter(candidate -> "refer-medical-care".equals(candidate.getId())).findFirst().orElseThrow();
		String taskId = task.getIdElement().toUnqualifiedVersionless().getValue();
		assertThat(activity.getOutcomeReference()).extracting(Reference::getReference).containsExactly(taskId);
		assertThat(activity.getProgress()).extracting(note -> note.getText()).containsExactly(
				"Referral requested (" + taskId + ")", "Referral accepted (" + taskId + ")",
				"Referral in-progress (" + taskId + ")", "Referral completed (" + taskId + ")");

		Bundle timeline = client.history().onInstance(task.getIdElement().toUnqualifiedVersionless())
				.returnBundle(Bundle.class).execute();
		assertThat(timeline.getEntry()).extracting(entry -> ((Task) entry.getResource()).getStatus().toCode())
				.containsExactly("completed", "in-progress", "accepted", "requested");
	}

	@Test
	void aRejectionNeedsAReasonAndRevokesTheReferral() {
		Task task = send(newTask(TaskStatus.REQUESTED));

		assertRefused(task, task.copy().setStatus(TaskStatus.REJECTED), "cb-referral-task-1");
		Task undeclared = task.copy().setStatus(TaskStatus.REJECTED);
		undeclared.getMeta().getProfile().clear();
		assertRefused(task, undeclared, "A referral Task that is rejected says why in statusReason");
		task.setStatusReason(new CodeableConcept(new Coding(OUTCOME_REASONS, "no-capacity", "No capacity")));
		update(task.setStatus(TaskStatus.REJECTED));

		assertThat(reread(referral).getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.REVOKED);
	}

	@Test
	void patchAndTransactionEntriesAreHeldToTheSameRules() {
		Task task = send(newTask(TaskStatus.REQUESTED));
		String path = "/fhir/" + task.getIdElement().toUnqualifiedVersionless().getValue();

		// In progress breaks no rule of the profile (completed would: it needs an output), only the transition.
		HttpResponse<String> illegalPatch = patch(path, "in-progress");
		assertThat(illegalPatch.statusCode()).isEqualTo(422);
		assertThat(diagnostics(illegalPatch)).contains("from requested to in-progress");
		assertThat(patch(path, "accepted").statusCode()).isEqualTo(200);

		Task stale = reread(task).setStatus(TaskStatus.REQUESTED);
		Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		transaction.addEntry().setResource(stale).getRequest().setMethod(Bundle.HTTPVerb.PUT)
				.setUrl(task.getIdElement().toUnqualifiedVersionless().getValue());
		HttpResponse<String> refused = send(request("/fhir").header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.POST(BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(transaction))).build());
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(diagnostics(refused)).contains("from accepted to requested");
		assertThat(reread(task).getStatus()).isEqualTo(TaskStatus.ACCEPTED);
		assertThat(reread(task).getIdElement().getVersionIdPart()).isEqualTo("2");
	}

	@Test
	void aTaskMustTrackAReferralForItsOwnClient() {
		Task otherClients = newTask(TaskStatus.REQUESTED).setFor(newClient());
		HttpResponse<String> mismatch = create(otherClients);
		assertThat(mismatch.statusCode()).isEqualTo(422);
		assertThat(diagnostics(mismatch)).contains("A referral Task is for the referral's client");

		Task noReferral = newTask(TaskStatus.REQUESTED).setFocus(plan.getCareTeamFirstRep().copy());
		HttpResponse<String> notAReferral = create(noReferral);
		assertThat(notAReferral.statusCode()).isEqualTo(422);
		assertThat(diagnostics(notAReferral)).contains("A referral Task's focus is the referral: a ServiceRequest");
		assertThat(search(Task.class, "focus=" + referral.getIdElement().toUnqualifiedVersionless().getValue())).isEmpty();
	}

	@Test
	void anAcceptAndARejectAtOnceHaveExactlyOneWinner() throws Exception {
		Task task = send(newTask(TaskStatus.REQUESTED));
		Task accept = reread(task).setStatus(TaskStatus.ACCEPTED);
		Task reject = reread(task).setStatus(TaskStatus.REJECTED)
				.setStatusReason(new CodeableConcept(new Coding(OUTCOME_REASONS, "no-capacity", "No capacity")));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService parties = Executors.newFixedThreadPool(2);
		try {
			List<Future<HttpResponse<String>>> answers = parties.invokeAll(List.<Callable<HttpResponse<String>>>of(
					() -> { start.await(); return put(accept); },
					() -> { start.countDown(); return put(reject); }));
			List<Integer> statuses = List.of(answers.get(0).get().statusCode(), answers.get(1).get().statusCode());
			assertThat(statuses).containsExactlyInAnyOrder(200, 422);
			TaskStatus winner = statuses.get(0) == 200 ? TaskStatus.ACCEPTED : TaskStatus.REJECTED;
			assertThat(reread(task).getStatus()).isEqualTo(winner);
			assertThat(reread(task).getIdElement().getVersionIdPart()).isEqualTo("2");
		} finally {
			parties.shutdown();
		}
	}

	private Task newTask(TaskStatus status) {
		Task task = new Task().setStatus(status).setIntent(Task.TaskIntent.ORDER)
				.setFocus(new Reference(referral.getIdElement().toUnqualifiedVersionless().getValue()))
				.setFor(subject.copy()).setOwner(organisation.copy()).setAuthoredOn(new Date());
		task.getCode().addCoding().setSystem("http://hl7.org/fhir/CodeSystem/task-code").setCode("fulfill");
		task.getMeta().addProfile("http://casebridge.org/fhir/StructureDefinition/cb-referral-task");
		return task;
	}

	private static Task withOutput(Task task) {
		task.addOutput().setType(new CodeableConcept().setText("Resulting activity"))
				.setValue(new StringType("New-patient visit 2026-12-04"));
		return task;
	}

	private Task send(Task task) {
		return (Task) client.create().resource(task).execute().getResource();
	}

	private Task update(Task task) {
		return (Task) client.update().resource(task).execute().getResource();
	}

	private HttpResponse<String> create(Task task) {
		return sendJson("POST", "/fhir/Task", fhirContext.newJsonParser().encodeResourceToString(task));
	}

	private HttpResponse<String> put(Task task) {
		return sendJson("PUT", "/fhir/" + task.getIdElement().toUnqualifiedVersionless().getValue(),
				fhirContext.newJsonParser().encodeResourceToString(task));
	}

	private HttpResponse<String> patch(String path, String status) {
		String body = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"operation\",\"part\":["
				+ "{\"name\":\"type\",\"valueCode\":\"replace\"},{\"name\":\"path\",\"valueString\":\"Task.status\"},"
				+ "{\"name\":\"value\",\"valueCode\":\"" + status + "\"}]}]}";
		return send(request(path).header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.method("PATCH", BodyPublishers.ofString(body)).build());
	}

	/** The update is refused with 422 naming why, and the Task stays as it was. */
	private void assertRefused(Task task, Task attempt, String why) {
		HttpResponse<String> response = put(attempt);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(diagnostics(response)).contains(why);
		Task stored = reread(task);
		assertThat(stored.getStatus()).isEqualTo(task.getStatus());
		assertThat(stored.getIdElement().getVersionIdPart()).isEqualTo(task.getIdElement().getVersionIdPart());
	}

	private String diagnostics(HttpResponse<String> response) {
		return parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics();
	}

	@SuppressWarnings("unchecked")
	private <T extends Resource> T reread(T resource) {
		return (T) client.read().resource(resource.getClass())
				.withId(new IdType(resource.getIdElement().toUnqualifiedVersionless().getValue())).execute();
	}

	private <T extends Resource> List<T> search(Class<T> type, String query) {
		return client.search().byUrl(type.getSimpleName() + "?" + query).returnBundle(Bundle.class).execute()
				.getEntry().stream().map(entry -> type.cast(entry.getResource())).toList();
	}
}
