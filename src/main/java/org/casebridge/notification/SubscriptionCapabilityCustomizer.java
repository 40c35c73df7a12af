package org.casebridge.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import java.util.List;
import org.casebridge.conformance.ConformancePackage;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Says in the CapabilityStatement's Subscription entry which channel types are delivered (R4 has
 * no element for it, so its documentation does), as {@link SubscriptionChannelInterceptor}
 * enforces, that AuditEvents are not notified ({@link AuditEventsNotNotified}), and which
 * SubscriptionTopics the server ships, with the Subscriptions R5 Backport IG's
 * extension for it.
 */
@Component
@Profile("!baseline")
@Interceptor
class SubscriptionCapabilityCustomizer {

	static final String TOPIC_CANONICAL =
			"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/capabilitystatement-subscriptiontopic-canonical";

	private final SubscriptionSettings settings;
	private final List<String> topics;

	SubscriptionCapabilityCustomizer(SubscriptionSettings settings, ConformancePackage conformancePackage) {
		this.settings = settings;
		this.topics = conformancePackage.subscriptionTopics().stream().map(ConformancePackage::topicUrl).toList();
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	void document(IBaseConformance generated) {
		((CapabilityStatement) generated).getRest().stream()
				.flatMap(rest -> rest.getResource().stream())
				.filter(resource -> resource.getType().equals("Subscription"))
				.forEach(this::document);
	}

	private void document(CapabilityStatementRestResourceComponent subscription) {
		List<String> delivered = SubscriptionChannelInterceptor.supportedTypes(settings);
		subscription.setDocumentation("Channel types delivered: " + String.join(", ", delivered)
				+ ". A Subscription with any other channel type is refused with 422."
				+ (delivered.contains("email") ? " " + SubscriptionChannelInterceptor.EMAIL_CARRIES_NO_DATA + "." : "")
				+ " " + AuditEventsNotNotified.REFUSED + "."
				+ " Topic-based Subscriptions (Subscriptions R5 Backport IG) can name the server's topics: "
				+ String.join(", ", topics) + ".");
		topics.forEach(topic -> subscription.addExtension(TOPIC_CANONICAL, new CanonicalType(topic)));
	}
}
