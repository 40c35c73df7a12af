package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.casebridge.FhirServerTestBase;
import org.casebridge.ServerProcess;
import org.casebridge.notification.Subscriber.Notification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A performer subscribes to its referral Tasks with an R4 REST-hook Subscription and receives
 * every change, once, including the changes made while its endpoint was down.
 */
class RestHookSubscriptionIT extends FhirServerTestBase {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Duration PROMPTLY = Duration.ofSeconds(10);
	private static final Duration AFTER_OUTAGE = Duration.ofSeconds(60);

	private final Referrals referral = new Referrals();
	private Subscriber subscriber;

	@BeforeEach
	void subscribe() throws Exception {
		subscriber = Subscriber.start(ServerProcess.freePort());
		put("Organization", referral.organizationId, referral.organization());
		put("Patient", referral.patientId, referral.patient());
		put("ServiceRequest", referral.serviceRequestId, referral.serviceRequest());
		HttpResponse<String> created = sendJson("POST", "/fhir/Subscription", referral.subscription(subscriber.endpoint()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		awaitActive(JSON.readTree(created.body()).path("id").asText());
	}

	@AfterEach
	void stopSubscriber() {
		subscriber.close();
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

	/** Each notification about the Task as its version and status, in the order received. */
	private List<String> versionsReceived(String taskId) {
		return subscriber.received().stream()
				.filter(n -> n.path().endsWith("/Task/" + taskId))
				.map(n -> n.versionId() + " " + n.status())
				.toList();
	}

	/** PUTs the resource and returns the version the server stored. */
	private String put(String type, String id, String json) throws Exception {
		HttpResponse<String> response = sendJson("PUT", "/fhir/" + type + "/" + id, json);
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
		return JSON.readTree(response.body()).path("meta").path("versionId").asText();
	}

	private void awaitActive(String subscriptionId) throws Exception {
		long deadline = System.nanoTime() + PROMPTLY.toNanos();
		String status = "";
		while (System.nanoTime() < deadline) {
			JsonNode subscription = JSON.readTree(send(request("/fhir/Subscription/" + subscriptionId)
					.header("Accept", FHIR_JSON).build()).body());
			status = subscription.path("status").asText();
			if (status.equals("active")) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Subscription/" + subscriptionId + " is still " + status);
	}
}
