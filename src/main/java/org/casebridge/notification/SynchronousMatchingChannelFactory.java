package org.casebridge.notification;

import ca.uhn.fhir.broker.api.IChannelNamer;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.subscription.channel.impl.LinkedBlockingChannel;
import ca.uhn.fhir.jpa.subscription.channel.impl.LinkedBlockingChannelFactory;
import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionMatchingListener;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.transaction.TransactionException;

/**
 * HAPI's in-memory channels, except that a change is matched on the thread that takes it from
 * {@code HFJ_RESOURCE_MODIFIED}, inside the transaction that deletes it there, instead of on a
 * queue the process loses when it dies: so the matches {@link DurableDeliveryInterceptor} records
 * commit with that delete. Delivery channels stay asynchronous, one per Subscription.
 *
 * <p>A change to a resource no active Subscription watches ({@link WatchedResourceTypes}) is taken
 * from the table without being matched: HAPI would read the resource back and match it against
 * every Subscription to find none, which was 10–15% of the server's CPU in an ingest with no
 * Subscription at all (issue 15). Changes to Subscriptions always go on: HAPI activates and
 * registers Subscriptions from them.
 *
 * <p>A change whose matching fails on the database stays in HAPI's table and is matched again on
 * the next pass (after HAPI's one-minute in-line retry). One that fails for any other reason
 * would fail again on every pass, holding back every change after it; it is dropped with an error
 * in the log, as HAPI's asynchronous matching drops it.
 */
class SynchronousMatchingChannelFactory extends LinkedBlockingChannelFactory {

	private static final Logger log = LoggerFactory.getLogger(SynchronousMatchingChannelFactory.class);

	private final FhirContext fhirContext;
	/** Looked up at the first change: the Subscription registry is built on these channels. */
	private final ObjectProvider<WatchedResourceTypes> watchedTypes;

	SynchronousMatchingChannelFactory(IChannelNamer channelNamer, RetryPolicyProvider retryPolicyProvider,
			FhirContext fhirContext, ObjectProvider<WatchedResourceTypes> watchedTypes) {
		super(channelNamer, retryPolicyProvider);
		this.fhirContext = fhirContext;
		this.watchedTypes = watchedTypes;
	}

	@Override
	protected LinkedBlockingChannel buildLinkedBlockingChannel(int concurrentConsumers, String channelName) {
		if (!SubscriptionMatchingListener.SUBSCRIPTION_MATCHING_CHANNEL_NAME.equals(channelName)) {
			return super.buildLinkedBlockingChannel(concurrentConsumers, channelName);
		}
		// Without an executor, Spring's channel calls its handlers on the sending thread.
		return new LinkedBlockingChannel(channelName, null, () -> 0, myRetryPolicyProvider) {
			@Override
			public boolean subscribe(MessageHandler handler) {
				return super.subscribe(change -> {
					if (mayConcernASubscription(change)) {
						matchOrDrop(handler, change);
					}
				});
			}
		};
	}

	private boolean mayConcernASubscription(Message<?> change) {
		if (!(change.getPayload() instanceof ResourceModifiedMessage modified)) {
			return true;
		}
		String type = modified.getResourceType(fhirContext);
		return type == null || "Subscription".equals(type) || watchedTypes.getObject().watched(type);
	}

	private static void matchOrDrop(MessageHandler handler, Message<?> change) {
		try {
			handler.handleMessage(change);
		} catch (RuntimeException e) {
			if (Stream.of(DataAccessException.class, TransactionException.class, PersistenceException.class, SQLException.class)
					.anyMatch(database -> ExceptionUtils.indexOfType(e, database) >= 0)) {
				throw e;
			}
			// The exception's class only: its message may quote the resource.
			log.error("Matching a change against the Subscriptions failed ({}); it is dropped", e.getClass().getName());
		}
	}
}
