package org.casebridge.notification;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Refuses a Subscription (R4 subscription.html §2.46.7 "Channels") whose channel type this server
 * does not deliver, with 422. HAPI would store it and leave it {@code requested} for ever (e-mail,
 * websocket), or refuse a message channel for its endpoint; either way the client would not learn
 * that nothing will be sent. An e-mail Subscription that asks for a payload is refused too: an
 * e-mail notification carries no client data ({@link SubscriptionEmailSender}); and so is one on
 * AuditEvents, which are never matched ({@link AuditEventsNotNotified}). Runs before HAPI's own
 * Subscription checks (order 100).
 */
@Component
@Profile("!baseline")
@Interceptor
class SubscriptionChannelInterceptor {

	static final String EMAIL_CARRIES_NO_DATA = "An e-mail notification carries no client data: "
			+ "Subscription.channel.payload must be absent when Subscription.channel.type is 'email'";

	private final SubscriptionSettings settings;

	SubscriptionChannelInterceptor(SubscriptionSettings settings) {
		this.settings = settings;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		check(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource updated) {
		check(updated);
	}

	private void check(IBaseResource resource) {
		if (!(resource instanceof Subscription subscription) || !subscription.getChannel().hasType()) {
			return; // a Subscription without a channel type fails validation against base R4
		}
		String type = subscription.getChannel().getType().toCode();
		List<String> supported = supportedTypes(settings);
		if (!supported.contains(type)) {
			throw new UnprocessableEntityException("Subscription.channel.type '" + type
					+ "' is not delivered by this server; the supported channel types are: " + String.join(", ", supported));
		}
		if (type.equals("email") && subscription.getChannel().hasPayload()) {
			throw new UnprocessableEntityException(EMAIL_CARRIES_NO_DATA);
		}
		AuditEventsNotNotified.refuseAuditEventCriteria(subscription);
	}

	/** The channel types this server delivers, as R4 codes: {@code rest-hook}, and {@code email} with SMTP. */
	static List<String> supportedTypes(SubscriptionSettings settings) {
		return settings.getSupportedSubscriptionTypes().stream().map(SubscriptionChannelType::toCode).sorted().toList();
	}
}
