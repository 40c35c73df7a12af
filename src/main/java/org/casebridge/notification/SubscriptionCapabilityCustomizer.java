package org.casebridge.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Says in the CapabilityStatement's Subscription entry which channel types are delivered (R4 has
 * no element for it, so its documentation does), as {@link SubscriptionChannelInterceptor} enforces.
 */
@Component
@Profile("!baseline")
@Interceptor
class SubscriptionCapabilityCustomizer {

	private final SubscriptionSettings settings;

	SubscriptionCapabilityCustomizer(SubscriptionSettings settings) {
		this.settings = settings;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	void document(IBaseConformance generated) {
		List<String> delivered = SubscriptionChannelInterceptor.supportedTypes(settings);
		String documentation = "Channel types delivered: " + String.join(", ", delivered)
				+ ". A Subscription with any other channel type is refused with 422."
				+ (delivered.contains("email") ? " " + SubscriptionChannelInterceptor.EMAIL_CARRIES_NO_DATA + "." : "");
		((CapabilityStatement) generated).getRest().stream()
				.flatMap(rest -> rest.getResource().stream())
				.filter(resource -> resource.getType().equals("Subscription"))
				.forEach(resource -> resource.setDocumentation(documentation));
	}
}
