package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.UUID;
import org.casebridge.Eventually;
import org.casebridge.ServerProcess;
import org.casebridge.ServerProcessTestBase;
import org.junit.jupiter.api.Test;

/**
 * Notifications that could not be delivered survive the server: the subscriber is down while a
 * referral moves on, the server is killed, and once both are back the restarted server loads the
 * Subscription from the database and delivers each change it had not delivered, once.
 */
class NotificationRestartFaultIT extends ServerProcessTestBase {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
	private static final Duration PROMPTLY = Duration.ofSeconds(10);
	private static final Duration AFTER_RESTART = Duration.ofSeconds(60);

	private final Referrals referral = new Referrals();

	@Test
	void undeliveredChangesAreDeliveredByTheRestartedServer() throws Exception {
		String database = freshDatabase("notification_restart");
		String taskId = UUID.randomUUID().toString();
		try (Subscriber subscriber = Subscriber.start(ServerProcess.freePort());
				ServerProcess first = ServerProcess.start(launch("notification-restart", ServerProcess.jdbcUrl(database)))) {
			put(first, "Organization", referral.organizationId, referral.organization());
			put(first, "Patient", referral.patientId, referral.patient());
			put(first, "ServiceRequest", referral.serviceRequestId, referral.serviceRequest());
			Exchange subscribed = post(first, "/fhir/Subscription", referral.subscription(subscriber.endpoint()), REQUEST_TIMEOUT);
			assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
			awaitActive(first, subscribed.json().path("id").asText());
			put(first, "Task", taskId, referral.task(taskId, "requested"));
			subscriber.await(n -> n.versionId().equals("1"), PROMPTLY);

			subscriber.down();
			put(first, "Task", taskId, referral.task(taskId, "accepted"));
			put(first, "Task", taskId, referral.task(taskId, "in-progress"));
			// Both deliveries fail at once; their next attempts are then rows in the database. Until
			// then each change is in memory only, between HAPI's table and the subscriber (README).
			Eventually.until("both next attempts stored", PROMPTLY, () -> storedRetries(database) == 2);
			first.kill();

			subscriber.up();
			try (ServerProcess restarted = first.restart()) {
				subscriber.await(n -> n.versionId().equals("2"), AFTER_RESTART);
				subscriber.await(n -> n.versionId().equals("3"), AFTER_RESTART);
				put(restarted, "Task", taskId, referral.task(taskId, "completed"));
				subscriber.await(n -> n.versionId().equals("4"), PROMPTLY);
				sleep(Duration.ofSeconds(2));
				assertThat(subscriber.received()).map(n -> n.versionId() + " " + n.status())
						.containsExactlyInAnyOrder("1 requested", "2 accepted", "3 in-progress", "4 completed");
				assertThat(pendingChanges(database)).isZero();
			}
		}
	}

	private void put(ServerProcess server, String type, String id, String json) {
		Exchange stored = exchange("PUT /fhir/" + type + "/" + id,
				HttpRequest.newBuilder(URI.create(server.baseUrl() + "/fhir/" + type + "/" + id))
						.header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON).PUT(BodyPublishers.ofString(json)),
				REQUEST_TIMEOUT);
		assertThat(stored.status()).as("%s: %s", stored, stored.body()).isIn(200, 201);
	}

	private void awaitActive(ServerProcess server, String subscriptionId) {
		long deadline = System.nanoTime() + PROMPTLY.toNanos();
		while (!get(server, "/fhir/Subscription/" + subscriptionId, REQUEST_TIMEOUT).json().path("status").asText().equals("active")) {
			assertThat(System.nanoTime()).as("Subscription/%s active in time", subscriptionId).isLessThan(deadline);
			sleep(Duration.ofMillis(100));
		}
	}

	/** Changes HAPI holds in its table for submission to matching, new ones and retries alike. */
	private static long pendingChanges(String database) {
		return count(database, "SELECT count(*) FROM hfj_resource_modified");
	}

	/** Failed deliveries whose next attempt is stored; a change not yet taken for matching has none. */
	private static long storedRetries(String database) {
		return count(database,
				"SELECT count(*) FROM hfj_resource_modified WHERE summary_message LIKE '%casebridge-delivery-next-attempt%'");
	}

}
