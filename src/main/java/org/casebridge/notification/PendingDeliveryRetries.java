package org.casebridge.notification;

import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import ca.uhn.fhir.jpa.subscription.match.matcher.matching.IResourceModifiedConsumer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.casebridge.notification.PendingDeliveries.Pending;
import org.casebridge.server.BackgroundWork;
import org.hl7.fhir.r4.model.IdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Attempts again, every {@code casebridge.notification.submission-interval}, each notification
 * whose next attempt is due: a failed one after its back-off, and one whose lease ran out because
 * the process that was delivering it died. Each row is taken under its own compare-and-set, so
 * replicas share the work, and handed to HAPI's matching as a change addressed to its
 * Subscription alone ({@link DurableDeliveryInterceptor#RETRIED_FOR}).
 */
@Component
@Profile("!baseline")
class PendingDeliveryRetries extends BackgroundWork {

	private static final Logger log = LoggerFactory.getLogger(PendingDeliveryRetries.class);
	private static final int BATCH = 100;

	private final PendingDeliveries pending;
	private final IResourceModifiedConsumer matching;
	private final DeliveryRetrySchedule schedule;
	private final Duration interval;
	private final Duration lease;

	PendingDeliveryRetries(PendingDeliveries pending, IResourceModifiedConsumer matching, NotificationProperties properties) {
		super("notification-retries");
		this.pending = pending;
		this.matching = matching;
		this.schedule = DeliveryRetrySchedule.from(properties);
		this.interval = properties.submissionInterval();
		this.lease = properties.deliveryLease();
	}

	@Override
	protected void schedule(ScheduledExecutorService scheduler) {
		scheduler.scheduleWithFixedDelay(this::attemptDue, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void attemptDue() {
		try {
			Instant now = Instant.now();
			for (Pending due : pending.due(now, BATCH)) {
				if (schedule.givenUp(due.firstFailure().orElse(now), now)) {
					log.warn("Gave up delivering {} to Subscription/{} after {} failures since {}", due.key().resource(),
							due.key().subscription(), due.failures(), due.firstFailure().orElse(now));
					pending.remove(due.key());
				} else if (pending.claim(due, now, now.plus(lease))) {
					matching.submitResourceModified(addressedTo(due));
				}
			}
		} catch (RuntimeException e) {
			// The database away, or matching failed: each taken row is due again once its lease runs out.
			log.warn("Attempting due notifications failed, the next run retries: {}", e.getClass().getName());
		}
	}

	private static ResourceModifiedMessage addressedTo(Pending due) {
		ResourceModifiedMessage change = new ResourceModifiedMessage(
				new IdType(due.key().resource()), OperationTypeEnum.valueOf(due.operation()), null);
		change.setSubscriptionId(due.key().subscription());
		change.setAttribute(DurableDeliveryInterceptor.RETRIED_FOR, due.key().subscription());
		return change;
	}
}
