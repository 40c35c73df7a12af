package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.casebridge.Eventually;
import org.casebridge.ServerProcess;
import org.casebridge.ServerProcessTestBase;
import org.casebridge.conformance.ConformancePackage;
import org.junit.jupiter.api.Test;

/**
 * The referral loop as its performer's systems see it, across a crash: the case manager sends the
 * ServiceRequest and its Task in one transaction, the performer accepts, starts and completes it
 * (an illegal jump on the way is refused and stores nothing), and two subscribers, one by criteria
 * and one by topic, get each change once although they are down while the referral is accepted,
 * stuck mid-request while it is started, and the server is killed then. The restarted server
 * loads the Subscriptions from the database and delivers what it had not seen delivered: the
 * failed change as soon as its next attempt is due, the one in flight when its lease runs out.
 */
class NotificationRestartFaultIT extends ServerProcessTestBase {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
	private static final Duration PROMPTLY = Duration.ofSeconds(10);
	/** Start-up, then at most the default delivery lease (60 s) counted from before the kill. */
	private static final Duration AFTER_RESTART = Duration.ofSeconds(90);

	/** The package's referral topic; the package is what the server installs. */
	private static final String TOPIC = ConformancePackage.topicUrl(
			new ConformancePackage(FhirContext.forR4Cached()).subscriptionTopics().get(0));

	private final Referrals referral = new Referrals();

	@Test
	void eachChangeOfTheLoopReachesBothSubscribersOnceAcrossACrash() throws Exception {
		String database = freshDatabase("notification_restart");
		String taskId = UUID.randomUUID().toString();
		try (Subscriber byCriteria = Subscriber.start(ServerProcess.freePort());
				Subscriber byTopic = Subscriber.start(ServerProcess.freePort());
				ServerProcess first = ServerProcess.start(launch("notification-restart", ServerProcess.jdbcUrl(database)))) {
			List<Subscriber> subscribers = List.of(byCriteria, byTopic);
			put(first, "Organization", referral.organizationId, referral.organization());
			put(first, "Patient", referral.patientId, referral.patient());
			subscribe(first, referral.subscription(byCriteria.endpoint()));
			subscribe(first, referral.topicSubscription(TOPIC, byTopic.endpoint()));
			Exchange sent = post(first, "/fhir", referral.sendingTransaction(taskId), REQUEST_TIMEOUT);
			assertThat(sent.status()).as(sent.body()).isEqualTo(200);
			awaitEach(subscribers, "1", PROMPTLY);
			Exchange jump = send(first, "Task", taskId, referral.task(taskId, "completed"));
			assertThat(jump.status()).as(jump.body()).isEqualTo(422);
			assertThat(jump.body()).contains("A referral Task cannot go from requested to completed");

			subscribers.forEach(Subscriber::down);
			put(first, "Task", taskId, referral.task(taskId, "accepted"));
			Eventually.until("the failed deliveries' next attempts stored", PROMPTLY, () -> failedDeliveries(database) == 2);

			for (Subscriber subscriber : subscribers) {
				subscriber.hang();
				subscriber.up();
			}
			put(first, "Task", taskId, referral.task(taskId, "in-progress"));
			for (Subscriber subscriber : subscribers) {
				subscriber.awaitHeld(n -> n.versionId().equals("3"), PROMPTLY);
			}
			first.kill();

			subscribers.forEach(Subscriber::answer);
			try (ServerProcess restarted = first.restart()) {
				awaitEach(subscribers, "2", AFTER_RESTART);
				awaitEach(subscribers, "3", AFTER_RESTART);
				put(restarted, "Task", taskId, referral.task(taskId, "completed"));
				awaitEach(subscribers, "4", PROMPTLY);
				sleep(Duration.ofSeconds(2));
				for (Subscriber subscriber : subscribers) {
					assertThat(subscriber.received()).map(n -> n.id() + " v" + n.versionId() + " " + n.status())
							.containsExactlyInAnyOrder(taskId + " v1 requested", taskId + " v2 accepted",
									taskId + " v3 in-progress", taskId + " v4 completed");
				}
				assertThat(pendingChanges(database)).isZero();
				assertThat(pendingDeliveries(database)).isZero();
			}
		}
	}

	private static void awaitEach(List<Subscriber> subscribers, String versionId, Duration limit) throws InterruptedException {
		for (Subscriber subscriber : subscribers) {
			subscriber.await(n -> n.versionId().equals(versionId), limit);
		}
	}

	private void subscribe(ServerProcess server, String subscription) {
		Exchange subscribed = post(server, "/fhir/Subscription", subscription, REQUEST_TIMEOUT);
		assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
		awaitActive(server, subscribed.json().path("id").asText());
	}

	private void put(ServerProcess server, String type, String id, String json) {
		Exchange stored = send(server, type, id, json);
		assertThat(stored.status()).as("%s: %s", stored, stored.body()).isIn(200, 201);
	}

	private Exchange send(ServerProcess server, String type, String id, String json) {
		return exchange("PUT /fhir/" + type + "/" + id,
				HttpRequest.newBuilder(URI.create(server.baseUrl() + "/fhir/" + type + "/" + id))
						.header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON).PUT(BodyPublishers.ofString(json)),
				REQUEST_TIMEOUT);
	}

	private void awaitActive(ServerProcess server, String subscriptionId) {
		long deadline = System.nanoTime() + PROMPTLY.toNanos();
		while (!get(server, "/fhir/Subscription/" + subscriptionId, REQUEST_TIMEOUT).json().path("status").asText().equals("active")) {
			assertThat(System.nanoTime()).as("Subscription/%s active in time", subscriptionId).isLessThan(deadline);
			sleep(Duration.ofMillis(100));
		}
	}

	/** Changes HAPI holds in its table, not yet matched. */
	private static long pendingChanges(String database) {
		return count(database, "SELECT count(*) FROM hfj_resource_modified");
	}

	/** Notifications matched and not yet delivered (nor given up). */
	private static long pendingDeliveries(String database) {
		return count(database, "SELECT count(*) FROM cb_pending_delivery");
	}

	/** Notifications whose delivery failed, waiting for their next attempt. */
	private static long failedDeliveries(String database) {
		return count(database, "SELECT count(*) FROM cb_pending_delivery WHERE failures > 0");
	}

}
