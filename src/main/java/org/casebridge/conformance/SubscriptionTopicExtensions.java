package org.casebridge.conformance;

import ca.uhn.fhir.subscription.SubscriptionConstants;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.Set;
import org.hl7.fhir.utilities.i18n.I18nConstants;

/**
 * The cross-version extensions that carry an R4 SubscriptionTopic on a {@code Basic} resource
 * (Subscriptions R5 Backport IG, "R4 topic" shape), which HAPI's topic loader reads.
 *
 * <p>The core validator refuses any {@code http://hl7.org/fhir/5.0/…} or {@code …/4.3/…}
 * extension when its worker context holds no cross-version definitions, as HAPI's does not
 * ("Extension url … is not valid (invalid Version '5.0')"), and neither the definitions nor the
 * backport package can be loaded here. For exactly these URLs that refusal is dropped, so a topic
 * (the package's, or a partner's) can be stored; what they hold is read by HAPI's topic loader.
 */
final class SubscriptionTopicExtensions {

	private static final Set<String> URLS = Set.of(
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_URL,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_VERSION,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_NAME,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_TITLE,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_DATE,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_DESCRIPTION,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_TOPIC_STATUS,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_RESOURCE_TRIGGER,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_CAN_FILTER_BY,
			SubscriptionConstants.SUBSCRIPTION_TOPIC_R4_EXT_NOTIFICATION_SHAPE);

	private SubscriptionTopicExtensions() {}

	/** Whether the message is the validator's refusal of one of these extensions' version. */
	static boolean isRefusedVersion(SingleValidationMessage message) {
		return I18nConstants.EXTENSION_EXT_VERSION_INVALID.equals(message.getMessageId())
				&& URLS.stream().anyMatch(url -> message.getLocationString().endsWith("[url='" + url + "']"));
	}
}
