package org.casebridge.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.casebridge.ServerProcess;
import org.casebridge.notification.Referrals;
import org.casebridge.notification.Subscriber;
import org.casebridge.notification.Subscriber.Notification;

/**
 * Scenario 8: a performer's REST-hook Subscription to its referral Tasks, with the subscriber on
 * loopback; each Task update is timed from the request being sent to the subscriber receiving
 * that version. One update at a time, so each figure is one notification's own latency.
 * CaseBridge only: the stock profile runs no subscriptions.
 */
final class NotificationScenario {

	private static final Duration DELIVERY_LIMIT = Duration.ofSeconds(30);

	private final FhirHttp fhir;
	private final int iterations;

	NotificationScenario(FhirHttp fhir, int iterations) {
		this.fhir = fhir;
		this.iterations = iterations;
	}

	Map<String, Object> run() throws InterruptedException {
		Referrals referral = new Referrals();
		try (Subscriber subscriber = Subscriber.start(ServerProcess.freePort())) {
			fhir.put("Organization/" + referral.organizationId, referral.organization());
			fhir.put("Patient/" + referral.patientId, referral.patient());
			fhir.put("ServiceRequest/" + referral.serviceRequestId, referral.serviceRequest());
			String subscription = fhir.post("Subscription", referral.subscription(subscriber.endpoint())).get("id").asText();
			awaitActive(subscription);

			Latencies deliveries = new Latencies();
			long started = System.nanoTime();
			List<String> loop = List.of("requested", "accepted", "in-progress", "completed");
			for (int update = 0; update < iterations; update++) {
				String taskId = "bench-notification-" + (update / loop.size());
				long sent = System.nanoTime();
				String version = fhir.put("Task/" + taskId, referral.task(taskId, loop.get(update % loop.size())))
						.path("meta").path("versionId").asText();
				Notification received = subscriber.await(
						n -> n.path().endsWith("/Task/" + taskId) && n.versionId().equals(version), DELIVERY_LIMIT);
				deliveries.add(sent, received.receivedNanos());
			}
			Progress.print("notification delivered: p50 %.1f ms, p95 %.1f ms",
					deliveries.percentile(0.5), deliveries.percentile(0.95));
			return deliveries.summary(IngestScenario.seconds(started));
		}
	}

	private void awaitActive(String subscription) throws InterruptedException {
		long deadline = System.nanoTime() + DELIVERY_LIMIT.toNanos();
		while (!fhir.get("Subscription/" + subscription).path("status").asText().equals("active")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Subscription/" + subscription + " did not become active");
			}
			Thread.sleep(100);
		}
	}
}
