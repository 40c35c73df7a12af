package org.casebridge.notification;

import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionCriteriaParser;
import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionCriteriaParser.SubscriptionCriteria;
import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionCriteriaParser.TypeEnum;
import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicRegistry;

/**
 * Whether any active Subscription can be notified of a change to a resource of a given type: one
 * whose criteria name the type (or every type), or one on a SubscriptionTopic with a trigger on
 * it, as HAPI's matchers decide. A Subscription whose criteria or topic cannot be read here
 * watches every type, so that HAPI's matchers still see every change it might match.
 */
class WatchedResourceTypes {

	private final SubscriptionRegistry subscriptions;
	private final SubscriptionTopicRegistry topics;

	WatchedResourceTypes(SubscriptionRegistry subscriptions, SubscriptionTopicRegistry topics) {
		this.subscriptions = subscriptions;
		this.topics = topics;
	}

	boolean watched(String resourceType) {
		for (ActiveSubscription active : subscriptions.getAll()) {
			CanonicalSubscription subscription = active.getSubscription();
			boolean watches = subscription.isTopicSubscription()
					? topicTriggersOn(subscription.getTopic(), resourceType)
					: criteriaName(subscription.getCriteriaString(), resourceType);
			if (watches) {
				return true;
			}
		}
		return false;
	}

	private boolean topicTriggersOn(String topicUrl, String resourceType) {
		return topics.findSubscriptionTopicByUrl(topicUrl)
				.map(topic -> topic.getResourceTrigger().stream().anyMatch(trigger -> resourceType.equals(trigger.getResource())))
				.orElse(true);
	}

	private static boolean criteriaName(String criteria, String resourceType) {
		SubscriptionCriteria parsed = SubscriptionCriteriaParser.parse(criteria);
		return parsed == null
				|| parsed.getType() == TypeEnum.STARTYPE_EXPRESSION
				|| parsed.getApplicableResourceTypes().contains(resourceType);
	}
}
