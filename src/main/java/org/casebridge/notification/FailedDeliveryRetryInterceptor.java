package org.casebridge.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.subscription.api.IResourceModifiedMessagePersistenceSvc;
import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Keeps a failed REST-hook notification in the database until its subscriber takes it.
 *
 * <p>HAPI stores each committed change in {@code HFJ_RESOURCE_MODIFIED} inside the write's
 * transaction and deletes it once the change is handed to matching, in memory; from there a failed
 * delivery is retried in memory for a minute and lost on restart. Instead, a failed delivery is
 * written back to that table as a change addressed to the one subscription that failed
 * (HAPI's targeted resubmission, as {@code $trigger-subscription} uses), with its failure count and
 * the time of its next attempt; once that is due ({@link DueChangesStore}), HAPI's scheduled
 * submission on any replica picks it up again. The row holds ids and versions only: the resource
 * is read again when the attempt is made.
 *
 * <p>Topic-based subscriptions are matched by HAPI's topic matcher, which ignores the address of
 * a resubmitted change: their failures keep HAPI's in-memory retry, and a change retried for
 * another subscription is not delivered to them again.
 */
@Component
@Interceptor
@Profile("!baseline")
class FailedDeliveryRetryInterceptor {

	private static final Logger log = LoggerFactory.getLogger(FailedDeliveryRetryInterceptor.class);
	private static final String RETRIED_FOR = "casebridge-delivery-retried-for";
	private static final String FAILURES = "casebridge-delivery-failures";
	private static final String FIRST_FAILURE = "casebridge-delivery-first-failure";
	static final String NEXT_ATTEMPT = "casebridge-delivery-next-attempt";

	private final IResourceModifiedMessagePersistenceSvc changes;
	private final FhirContext fhirContext;
	private final DeliveryRetrySchedule schedule;

	FailedDeliveryRetryInterceptor(
			IResourceModifiedMessagePersistenceSvc changes, FhirContext fhirContext, NotificationProperties properties) {
		this.changes = changes;
		this.fhirContext = fhirContext;
		this.schedule = DeliveryRetrySchedule.from(properties);
	}

	/** A retried change goes only to the subscription it is retried for. */
	@Hook(Pointcut.SUBSCRIPTION_BEFORE_DELIVERY)
	boolean deliverOnlyWhereRetried(ResourceDeliveryMessage delivery, CanonicalSubscription subscription) {
		return delivery.getAttribute(RETRIED_FOR).map(subscription.getIdPart()::equals).orElse(true);
	}

	/** When a stored retry is due; empty for a change that is not a retry. */
	static Optional<Instant> nextAttempt(ResourceModifiedMessage change) {
		return change.getAttribute(NEXT_ATTEMPT).map(Instant::parse);
	}

	/**
	 * Returns false, ending HAPI's in-memory retry, when the database holds the next attempt or the
	 * notification is given up; true, leaving the retry to HAPI, when it could not be stored.
	 */
	@Hook(Pointcut.SUBSCRIPTION_AFTER_DELIVERY_FAILED)
	boolean retryLater(ResourceDeliveryMessage delivery, Exception failure) {
		CanonicalSubscription subscription = delivery.getSubscription();
		if (subscription.isTopicSubscription()) {
			return true;
		}
		Instant now = Instant.now();
		int failures = delivery.getAttribute(FAILURES).map(Integer::parseInt).orElse(0) + 1;
		Instant firstFailure = delivery.getAttribute(FIRST_FAILURE).map(Instant::parse).orElse(now);
		String what = versionOf(delivery).getValue() + " to Subscription/" + subscription.getIdPart();
		Optional<Instant> next = schedule.nextAttempt(firstFailure, failures, now);
		if (next.isEmpty()) {
			log.warn("Gave up delivering {} after {} failures since {}", what, failures, firstFailure);
			return false;
		}
		ResourceModifiedMessage retry = addressedTo(delivery, subscription);
		retry.setAttribute(FAILURES, Integer.toString(failures));
		retry.setAttribute(FIRST_FAILURE, firstFailure.toString());
		retry.setAttribute(NEXT_ATTEMPT, next.get().toString());
		// The exception's class only: a subscriber's error message may quote what it was sent.
		log.warn("Delivering {} failed ({}, failure {}); next attempt at {}",
				what, failure.getClass().getSimpleName(), failures, next.get());
		return !store(retry);
	}

	private ResourceModifiedMessage addressedTo(ResourceDeliveryMessage delivery, CanonicalSubscription subscription) {
		ResourceModifiedMessage change =
				new ResourceModifiedMessage(versionOf(delivery), delivery.getOperationType(), delivery.getPartitionId());
		change.setSubscriptionId(subscription.getIdPart());
		change.setAttribute(RETRIED_FOR, subscription.getIdPart());
		return change;
	}

	/** The version the notification is about; the message's own payload id has none. */
	private IIdType versionOf(ResourceDeliveryMessage delivery) {
		return delivery.getPayload(fhirContext).getIdElement().toUnqualified();
	}

	/**
	 * Whether the attempt is now in the database. The table is keyed by resource version, so the row
	 * may still be there for a moment while HAPI's submission that took it commits, or be held for
	 * another subscription that failed on the same version; HAPI's in-memory retry then calls again.
	 */
	private boolean store(ResourceModifiedMessage retry) {
		try {
			changes.persist(retry);
			return true;
		} catch (DataAccessException | ResourceVersionConflictException e) {
			log.warn("Could not store the next attempt for {} ({}); retrying in memory",
					retry.getPayloadId(), e.getClass().getSimpleName());
			return false;
		}
	}
}
