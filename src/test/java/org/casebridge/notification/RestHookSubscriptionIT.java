package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import ca.uhn.fhir.util.HapiExtensions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.casebridge.ServerProcess;
import org.casebridge.notification.Subscriber.Notification;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A performer subscribes to its referral Tasks with an R4 REST-hook Subscription and receives
 * every change, once, including the changes made while its endpoint was down.
 */
class RestHookSubscriptionIT extends NotificationTestBase {

	private static final Duration AFTER_OUTAGE = Duration.ofSeconds(60);

	@Autowired
	private IInterceptorService interceptors;

	@BeforeEach
	void subscribeToTheReferralTasks() throws Exception {
		subscribe(referral.subscription(subscriber.endpoint()));
	}

	@Test
	void theSubscriberReceivesEachChangeOfAReferralOnce() throws Exception {
		String taskId = UUID.randomUUID().toString();
		for (String status : List.of("requested", "accepted", "in-progress", "completed")) {
			String version = put("Task", taskId, referral.task(taskId, status));
			Notification notification = subscriber.await(n -> n.versionId().equals(version), PROMPTLY);
			assertThat(notification.method()).isEqualTo("PUT");
			assertThat(notification.path()).isEqualTo("/notifications/Task/" + taskId);
			assertThat(notification.status()).isEqualTo(status);
		}
		String rejectedId = UUID.randomUUID().toString();
		put("Task", rejectedId, referral.task(rejectedId, "requested"));
		String rejected = put("Task", rejectedId, referral.task(rejectedId, "rejected"));
		Notification rejection = subscriber.await(
				n -> n.path().endsWith(rejectedId) && n.versionId().equals(rejected), PROMPTLY);
		assertThat(rejection.resource().path("statusReason").path("text").asText()).isEqualTo("No capacity this month");

		Thread.sleep(2_000);
		// HAPI matches and delivers changes in parallel: a subscriber orders them by versionId.
		assertThat(versionsReceived(taskId)).containsExactlyInAnyOrder("1 requested", "2 accepted", "3 in-progress", "4 completed");
		assertThat(versionsReceived(rejectedId)).containsExactlyInAnyOrder("1 requested", "2 rejected");
	}

	@Test
	void changesMadeWhileTheSubscriberIsDownArriveWhenItIsBack() throws Exception {
		String taskId = UUID.randomUUID().toString();
		String requested = put("Task", taskId, referral.task(taskId, "requested"));
		subscriber.await(n -> n.versionId().equals(requested), PROMPTLY);

		subscriber.down();
		put("Task", taskId, referral.task(taskId, "accepted"));
		put("Task", taskId, referral.task(taskId, "in-progress"));
		// Long enough for the deliveries to fail and go back to the database, twice.
		Thread.sleep(5_000);
		subscriber.up();
		String completed = put("Task", taskId, referral.task(taskId, "completed"));

		subscriber.await(n -> n.versionId().equals(completed), PROMPTLY);
		subscriber.await(n -> n.versionId().equals("3"), AFTER_OUTAGE);
		subscriber.await(n -> n.versionId().equals("2"), AFTER_OUTAGE);
		Thread.sleep(2_000);
		assertThat(versionsReceived(taskId)).as("each change once")
				.containsExactlyInAnyOrder("1 requested", "2 accepted", "3 in-progress", "4 completed");
	}

	/**
	 * HAPI keys a delete's change by the version it deletes, as it keyed the change that made
	 * that version: a referral withdrawn before its creation was matched must still be notified
	 * once, to a subscriber that asks for deletes too the withdrawal after it, and the delete must
	 * not answer 409.
	 */
	@Test
	void aReferralWithdrawnAtOnceIsNotifiedOnceAndTheWithdrawalToo() throws Exception {
		try (Subscriber withDeletes = Subscriber.start(ServerProcess.freePort())) {
			ObjectNode subscription = (ObjectNode) JSON.readTree(referral.subscription(withDeletes.endpoint()));
			((ObjectNode) subscription.path("channel")).putArray("extension").addObject()
					.put("url", HapiExtensions.EX_SEND_DELETE_MESSAGES).put("valueBoolean", true);
			subscribe(subscription.toString());
			List<String> taskIds = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID().toString()).toList();
			for (String taskId : taskIds) {
				put("Task", taskId, referral.task(taskId, "requested"));
				HttpResponse<String> deleted = send(request("/fhir/Task/" + taskId).header("Accept", FHIR_JSON).DELETE().build());
				assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
			}

			for (String taskId : taskIds) {
				subscriber.await(n -> n.path().endsWith("/Task/" + taskId), PROMPTLY);
				withDeletes.await(n -> n.method().equals("DELETE") && n.path().endsWith("/Task/" + taskId), PROMPTLY);
			}
			Thread.sleep(2_000);
			for (String taskId : taskIds) {
				assertThat(versionsReceived(taskId)).containsExactly("1 requested");
				assertThat(withDeletes.received()).filteredOn(n -> n.path().endsWith("/Task/" + taskId))
						.extracting(Notification::method).containsExactlyInAnyOrder("PUT", "DELETE");
			}
		}
	}

	/**
	 * A delete takes the waiting change before it, in its own transaction: if that transaction
	 * rolls back after the taking (here a later entry of the same Bundle names the wrong client and
	 * is refused), the change waits again and is notified once, by HAPI's submitter.
	 */
	@Test
	void aWithdrawalThatRollsBackLeavesTheReferralNotifiedOnce() throws Exception {
		String taskId = UUID.randomUUID().toString();
		String otherTaskId = UUID.randomUUID().toString();
		Referrals other = new Referrals();
		put("Patient", other.patientId, other.patient());
		String forTheWrongClient = referral.task(otherTaskId, "requested")
				.replace("Patient/" + referral.patientId, "Patient/" + other.patientId);
		put("Task", taskId, referral.task(taskId, "requested"));

		HttpResponse<String> refused = sendJson("POST", "/fhir", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
				+ "{\"request\":{\"method\":\"DELETE\",\"url\":\"Task/" + taskId + "\"}},"
				+ "{\"resource\":" + forTheWrongClient + ",\"request\":{\"method\":\"PUT\",\"url\":\"Task/" + otherTaskId + "\"}}]}");

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.as("refused just before commit, after the delete's hooks").startsWith("A referral Task is for the referral's client");
		assertThat(send(request("/fhir/Task/" + taskId).header("Accept", FHIR_JSON).build()).statusCode()).isEqualTo(200);
		subscriber.await(n -> n.path().endsWith("/Task/" + taskId), PROMPTLY);
		Thread.sleep(2_000);
		assertThat(versionsReceived(taskId)).containsExactly("1 requested");
	}

	/**
	 * Changes are queued for matching by CaseBridge's subclass of HAPI's interceptor (which does not
	 * encode each written resource into a change stored without it), and by it alone: two would
	 * queue every change twice.
	 */
	@Test
	void changesAreQueuedOnceWithoutTheirBody() {
		assertThat(interceptors.getAllRegisteredInterceptors())
				.filteredOn(SubscriptionMatcherInterceptor.class::isInstance)
				.singleElement()
				.isInstanceOf(ChangesQueuedWithoutTheirBody.class);
	}

	/**
	 * A change that no active Subscription can match is not read back and matched against each
	 * Subscription to find none: with the referral Tasks' Subscription active, a Patient's change is
	 * taken from the queue unmatched, a Task's is matched.
	 */
	@Test
	void onlyChangesToTypesASubscriptionWatchesAreMatched() throws Exception {
		MatchedTypes matched = new MatchedTypes();
		interceptors.registerInterceptor(matched);
		try {
			ObjectNode patient = (ObjectNode) JSON.readTree(referral.patient());
			put("Patient", referral.patientId, patient.put("birthDate", "1961-04-02").toString());
			String taskId = UUID.randomUUID().toString();
			String version = put("Task", taskId, referral.task(taskId, "requested"));
			subscriber.await(n -> n.path().endsWith("/Task/" + taskId) && n.versionId().equals(version), PROMPTLY);
		} finally {
			interceptors.unregisterInterceptor(matched);
		}
		assertThat(matched.types).contains("Task").doesNotContain("Patient");
	}

	/** The types of the changes HAPI's matcher checks against the Subscriptions. */
	public static final class MatchedTypes {

		private final List<String> types = new CopyOnWriteArrayList<>();

		@Hook(Pointcut.SUBSCRIPTION_BEFORE_PERSISTED_RESOURCE_CHECKED)
		public void checking(ResourceModifiedMessage change) {
			types.add(change.getResourceType(FhirContext.forR4Cached()));
		}
	}

	/**
	 * The server delivers by REST hook and e-mail (the test server has an SMTP server); a
	 * Subscription asking for another channel is refused, not kept.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({"message, https://partner.example/fhir", "websocket, ''"})
	void aSubscriptionOnAChannelTheServerDoesNotDeliverIsRefused(String type, String endpoint) throws Exception {
		ObjectNode subscription = (ObjectNode) JSON.readTree(referral.subscription(endpoint));
		((ObjectNode) subscription.path("channel")).put("type", type);
		if (endpoint.isEmpty()) {
			((ObjectNode) subscription.path("channel")).remove("endpoint");
		}

		HttpResponse<String> refused = sendJson("POST", "/fhir/Subscription", subscription.toString());

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics()).isEqualTo(
				"Subscription.channel.type '" + type + "' is not delivered by this server; the supported channel types are: email, rest-hook");
		assertThat(subscriptionsToTheReferral(type)).isEmpty();
		assertThat(subscriptionsToTheReferral("rest-hook")).as("the one made before the test").hasSize(1);
	}

	@Test
	void aSubscriptionToTheAuditTrailIsRefused() throws Exception {
		ObjectNode subscription = (ObjectNode) JSON.readTree(referral.subscription(subscriber.endpoint()));
		subscription.put("criteria", "AuditEvent?patient=Patient/" + referral.patientId);

		HttpResponse<String> refused = sendJson("POST", "/fhir/Subscription", subscription.toString());

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(parse(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
				.isEqualTo("AuditEvents are not notified: the audit trail is read by search, with an audit scope");
		assertThat(client.search().forResource(Subscription.class)
				.where(Subscription.CRITERIA.matchesExactly().value(subscription.path("criteria").asText()))
				.returnBundle(Bundle.class).execute().getEntry()).isEmpty();
	}

	@Test
	void theCapabilityStatementNamesTheChannelTypesDelivered() {
		CapabilityStatement capabilities = client.capabilities().ofType(CapabilityStatement.class).execute();

		assertThat(capabilities.getRestFirstRep().getResource())
				.filteredOn(resource -> resource.getType().equals("Subscription"))
				.singleElement()
				.satisfies(resource -> assertThat(resource.getDocumentation()).isEqualTo(
						"Channel types delivered: email, rest-hook. A Subscription with any other channel type is refused with 422. "
								+ "An e-mail notification carries no client data: Subscription.channel.payload must be absent when "
								+ "Subscription.channel.type is 'email'. AuditEvents are not notified: the audit trail is read by search, "
								+ "with an audit scope. Topic-based Subscriptions (Subscriptions R5 Backport IG) can name the server's topics: "
								+ "http://casebridge.org/fhir/SubscriptionTopic/referral-task-changes."));
	}

	/** Each notification about the Task as its version and status, in the order received. */
	private List<String> versionsReceived(String taskId) {
		return subscriber.received().stream()
				.filter(n -> n.path().endsWith("/Task/" + taskId))
				.map(n -> n.versionId() + " " + n.status())
				.toList();
	}

	/** The Subscriptions to this test's referral Tasks on a channel type. */
	private List<BundleEntryComponent> subscriptionsToTheReferral(String channelType) {
		return client.search().forResource(Subscription.class)
				.where(Subscription.CRITERIA.matchesExactly().value(referral.criteria()))
				.and(Subscription.TYPE.exactly().code(channelType))
				.returnBundle(Bundle.class).execute().getEntry();
	}
}
