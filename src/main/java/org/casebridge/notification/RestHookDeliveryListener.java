package org.casebridge.notification;

import ca.uhn.fhir.jpa.subscription.match.deliver.resthook.SubscriptionDeliveringRestHookListener;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.exceptions.NonFhirResponseException;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * HAPI's REST-hook delivery, counting every 2xx answer as delivered. HAPI posts a topic-based
 * notification (Subscriptions R5 Backport IG) as a FHIR transaction and reads the answer as a
 * Bundle: a subscriber answering 200 with no body, as a plain notification endpoint does, would
 * count as failed and be sent the same notification again and again.
 */
class RestHookDeliveryListener extends SubscriptionDeliveringRestHookListener {

	@Override
	protected void doDelivery(
			ResourceDeliveryMessage message,
			CanonicalSubscription subscription,
			EncodingEnum payloadType,
			IGenericClient client,
			IBaseResource payload) {
		try {
			super.doDelivery(message, subscription, payloadType, client, payload);
		} catch (NonFhirResponseException answeredWithoutFhir) {
			if (answeredWithoutFhir.getStatusCode() / 100 != 2) {
				throw answeredWithoutFhir;
			}
		}
	}
}
