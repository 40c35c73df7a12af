package org.casebridge.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.casebridge.notification.PendingDeliveries.Key;
import org.casebridge.notification.PendingDeliveries.Pending;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps every notification in the database from the moment it is matched until its subscriber has
 * taken it ({@link PendingDeliveries}), for REST hooks and e-mail, by criteria or by topic.
 *
 * <p>Matching runs on the thread that takes the change from HAPI's {@code HFJ_RESOURCE_MODIFIED},
 * inside the transaction that deletes it there ({@link SynchronousMatchingChannelFactory}); each
 * match is recorded in that same transaction, so a change is either still in HAPI's table or
 * its notifications are in ours. A delivery waits for that commit before it is sent, so that its
 * success cannot be recorded before the row exists. A failed delivery is not retried in memory:
 * its row is given the back-off of {@link DeliveryRetrySchedule}, and {@link PendingDeliveryRetries}
 * resubmits it, addressed to that Subscription alone, when it is due. The row holds ids and
 * versions only; the version is read again for each attempt.
 */
@Component
@Interceptor
@Profile("!baseline")
class DurableDeliveryInterceptor {

	/** On a resubmitted change: the one Subscription it is for. HAPI's topic matcher ignores the address. */
	static final String RETRIED_FOR = "casebridge-delivery-retried-for";
	/** On a delivery: the resource version it notifies of (a topic delivery's payload is a Bundle). */
	private static final String CHANGE = "casebridge-delivery-of";

	private static final Logger log = LoggerFactory.getLogger(DurableDeliveryInterceptor.class);

	private final PendingDeliveries pending;
	private final FhirContext fhirContext;
	private final DeliveryRetrySchedule schedule;
	private final Duration lease;
	/** The change being matched on this thread; HAPI's match hook is not told which change it is. */
	private final ThreadLocal<ResourceModifiedMessage> matching = new ThreadLocal<>();
	/** Whether the transaction that recorded a match committed, for deliveries that start before it ends. */
	private final Map<Key, CompletableFuture<Boolean>> recorded = new ConcurrentHashMap<>();

	DurableDeliveryInterceptor(PendingDeliveries pending, FhirContext fhirContext, NotificationProperties properties) {
		this.pending = pending;
		this.fhirContext = fhirContext;
		this.schedule = DeliveryRetrySchedule.from(properties);
		this.lease = properties.deliveryLease();
	}

	/**
	 * A deleted Subscription's waiting notifications go with it, in the delete's transaction: no
	 * one is left to send them to, and each would otherwise be tried again until given up.
	 */
	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	void subscriptionDeleted(IBaseResource resource) {
		if (resource instanceof Subscription subscription) {
			pending.removeAllFor(subscription.getIdElement().getIdPart());
		}
	}

	@Hook(Pointcut.SUBSCRIPTION_BEFORE_PERSISTED_RESOURCE_CHECKED)
	boolean matchingByCriteria(ResourceModifiedMessage change) {
		matching.set(change);
		return true;
	}

	@Hook(Pointcut.SUBSCRIPTION_TOPIC_BEFORE_PERSISTED_RESOURCE_CHECKED)
	boolean matchingByTopic(ResourceModifiedMessage change) {
		matching.set(change);
		return true;
	}

	@Hook(Pointcut.SUBSCRIPTION_AFTER_PERSISTED_RESOURCE_CHECKED)
	void matchedByCriteria() {
		matching.remove();
	}

	@Hook(Pointcut.SUBSCRIPTION_TOPIC_AFTER_PERSISTED_RESOURCE_CHECKED)
	void matchedByTopic() {
		matching.remove();
	}

	/**
	 * Records the match before its delivery is queued; a resubmitted change is delivered only to the
	 * Subscription it is retried for.
	 */
	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MATCHED)
	boolean record(CanonicalSubscription subscription, ResourceDeliveryMessage delivery) {
		ResourceModifiedMessage change = matching.get();
		if (change == null) {
			return true;
		}
		String subscriptionId = subscription.getIdPart();
		if (change.getAttribute(RETRIED_FOR).filter(retriedFor -> !retriedFor.equals(subscriptionId)).isPresent()) {
			return false;
		}
		Key key = new Key(change.getPayloadId(fhirContext).toUnqualified().getValue(), subscriptionId);
		delivery.setAttribute(CHANGE, key.resource());
		pending.hold(key, change.getOperationType().name(), Instant.now().plus(lease));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			CompletableFuture<Boolean> committed = new CompletableFuture<>();
			recorded.put(key, committed);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					committed.complete(status == STATUS_COMMITTED);
					if (status == STATUS_COMMITTED) {
						recorded.remove(key, committed);
					}
				}
			});
		}
		return true;
	}

	/**
	 * Holds a delivery until the match it comes from is committed; drops it when that rolled back
	 * (the change is still in HAPI's table and will be matched again).
	 */
	@Hook(Pointcut.SUBSCRIPTION_BEFORE_DELIVERY)
	boolean awaitRecorded(ResourceDeliveryMessage delivery) {
		Optional<CompletableFuture<Boolean>> match = keyOf(delivery).map(recorded::remove);
		if (match.isEmpty()) {
			return true;
		}
		try {
			return match.get().get(lease.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException | ExecutionException e) {
			// Delivered regardless: at worst the subscriber gets it again when the lease runs out.
			return true;
		} catch (InterruptedException e) {
			// Shutting down: not delivered now; its row is attempted again once the lease runs out.
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Hook(Pointcut.SUBSCRIPTION_AFTER_DELIVERY)
	void delivered(ResourceDeliveryMessage delivery) {
		keyOf(delivery).ifPresent(key -> {
			try {
				pending.remove(key);
			} catch (DataAccessException e) {
				log.warn("Delivered {} to Subscription/{}, but could not record it ({}); it will be sent again",
						key.resource(), key.subscription(), e.getClass().getSimpleName());
			}
		});
	}

	/**
	 * Returns false, ending HAPI's in-memory retry, when the database holds the next attempt or the
	 * notification is given up; true, leaving the retry to HAPI, when that could not be recorded.
	 */
	@Hook(Pointcut.SUBSCRIPTION_AFTER_DELIVERY_FAILED)
	boolean retryLater(ResourceDeliveryMessage delivery, Exception failure) {
		Optional<Key> key = keyOf(delivery);
		if (key.isEmpty()) {
			return true;
		}
		try {
			pending.find(key.get()).ifPresent(row -> scheduleNextAttempt(row, failure));
			return false;
		} catch (DataAccessException e) {
			log.warn("Could not store the next attempt for {} ({}); retrying in memory",
					key.get().resource(), e.getClass().getSimpleName());
			return true;
		}
	}

	private void scheduleNextAttempt(Pending row, Exception failure) {
		Instant now = Instant.now();
		int failures = row.failures() + 1;
		Instant firstFailure = row.firstFailure().orElse(now);
		String what = row.key().resource() + " to Subscription/" + row.key().subscription();
		Optional<Instant> next = schedule.nextAttempt(firstFailure, failures, now);
		if (next.isEmpty()) {
			log.warn("Gave up delivering {} after {} failures since {}", what, failures, firstFailure);
			pending.remove(row.key());
			return;
		}
		pending.retryAt(row.key(), failures, firstFailure, next.get());
		// The exception's class only: a subscriber's error message may quote what it was sent.
		log.warn("Delivering {} failed ({}, failure {}); next attempt at {}",
				what, failure.getClass().getSimpleName(), failures, next.get());
	}

	private static Optional<Key> keyOf(ResourceDeliveryMessage delivery) {
		return delivery.getAttribute(CHANGE).map(resource -> new Key(resource, delivery.getSubscription().getIdPart()));
	}
}
