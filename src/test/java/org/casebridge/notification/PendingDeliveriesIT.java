package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.casebridge.FhirServerTestBase;
import org.casebridge.notification.PendingDeliveries.Key;
import org.casebridge.notification.PendingDeliveries.Pending;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The table of notifications not yet delivered, on PostgreSQL: a due row is taken by one replica
 * only, a retried notification keeps its failures, and a deleted Subscription takes its waiting
 * notifications with it. The rows are leased an hour ahead, so the
 * server's own retry job leaves them alone.
 */
class PendingDeliveriesIT extends FhirServerTestBase {

	private static final int REPLICAS = 8;

	@Autowired
	private PendingDeliveries pending;

	private final Key key = new Key("Task/" + UUID.randomUUID() + "/_history/2", UUID.randomUUID().toString());
	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Test
	void aDueNotificationIsTakenByOneReplicaOnly() throws Exception {
		pending.hold(key, "UPDATE", now.plus(1, ChronoUnit.HOURS));
		Pending seen = pending.find(key).orElseThrow();

		ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
		try {
			Callable<Boolean> claim = () -> pending.claim(seen, now, now.plus(2, ChronoUnit.HOURS));
			List<Future<Boolean>> claims = replicas.invokeAll(IntStream.range(0, REPLICAS).mapToObj(i -> claim).toList());
			long taken = claims.stream().filter(this::succeeded).count();
			assertThat(taken).isEqualTo(1);
		} finally {
			replicas.shutdown();
		}
		Pending claimed = pending.find(key).orElseThrow();
		assertThat(claimed.nextAttempt()).isEqualTo(now.plus(2, ChronoUnit.HOURS));
		assertThat(claimed.firstFailure()).contains(now);
		assertThat(claimed.failures()).isZero();
		pending.remove(key);
		assertThat(pending.find(key)).isEmpty();
	}

	@Test
	void aRetriedNotificationKeepsItsFailuresWhenHeldAgain() {
		Instant firstFailure = now.minus(10, ChronoUnit.MINUTES);
		pending.hold(key, "CREATE", now.plus(1, ChronoUnit.HOURS));
		pending.retryAt(key, 3, firstFailure, now.plus(2, ChronoUnit.HOURS));
		pending.hold(key, "CREATE", now.plus(3, ChronoUnit.HOURS));

		assertThat(pending.find(key)).contains(
				new Pending(key, "CREATE", 3, Optional.of(firstFailure), now.plus(3, ChronoUnit.HOURS)));
		pending.remove(key);
	}

	@Test
	void aDeletedSubscriptionsWaitingNotificationsGoWithIt() {
		IIdType subscription = client.create().resource(new Subscription()
				.setStatus(Subscription.SubscriptionStatus.REQUESTED)
				.setReason("referral Tasks")
				.setCriteria("Task?code=fulfill")
				.setChannel(new Subscription.SubscriptionChannelComponent()
						.setType(Subscription.SubscriptionChannelType.RESTHOOK)
						.setEndpoint("http://127.0.0.1:9/unreachable")
						.setPayload("application/fhir+json")))
				.execute().getId();
		Key waiting = new Key(key.resource(), subscription.getIdPart());
		pending.hold(waiting, "UPDATE", now.plus(1, ChronoUnit.HOURS));
		pending.hold(key, "UPDATE", now.plus(1, ChronoUnit.HOURS));

		client.delete().resourceById(subscription.toUnqualifiedVersionless()).execute();

		assertThat(pending.find(waiting)).isEmpty();
		assertThat(pending.find(key)).as("another Subscription's").isPresent();
		pending.remove(key);
	}

	private boolean succeeded(Future<Boolean> claim) {
		try {
			return claim.get();
		} catch (Exception e) {
			throw new AssertionError(e);
		}
	}
}
