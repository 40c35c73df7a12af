package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.casebridge.notification.Subscriber.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A performer subscribes to its referral Tasks with an R4 REST-hook Subscription and receives
 * every change, once, including the changes made while its endpoint was down.
 */
class RestHookSubscriptionIT extends NotificationTestBase {

	private static final Duration AFTER_OUTAGE = Duration.ofSeconds(60);

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

	/** Each notification about the Task as its version and status, in the order received. */
	private List<String> versionsReceived(String taskId) {
		return subscriber.received().stream()
				.filter(n -> n.path().endsWith("/Task/" + taskId))
				.map(n -> n.versionId() + " " + n.status())
				.toList();
	}

}
