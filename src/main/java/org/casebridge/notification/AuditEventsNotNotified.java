package org.casebridge.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionCriteriaParser;
import ca.uhn.fhir.jpa.subscription.match.matcher.subscriber.SubscriptionCriteriaParser.SubscriptionCriteria;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.Subscription;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The audit trail is no source of notifications. It stores an AuditEvent for every write and for
 * every patient a read or search page shows; HAPI would queue each one in
 * {@code HFJ_RESOURCE_MODIFIED}, read it back, parse it and match it against every Subscription,
 * which during a run of searches took more CPU than the trail's own job. The trail is read by
 * search, by callers with an audit scope; a Subscription would hand it to whatever endpoint it
 * names. So AuditEvents are never submitted to matching, and a Subscription whose criteria name
 * AuditEvent is refused with 422 ({@link SubscriptionChannelInterceptor} asks {@link #refuseAuditEventCriteria}).
 */
@Component
@Profile("!baseline")
@Interceptor
class AuditEventsNotNotified {

	static final String REFUSED = "AuditEvents are not notified: the audit trail is read by search, with an audit scope";
	private static final String AUDIT_EVENT = "AuditEvent";

	private final FhirContext fhirContext;

	AuditEventsNotNotified(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
	boolean submitToMatching(ResourceModifiedMessage change) {
		return !AUDIT_EVENT.equals(change.getResourceType(fhirContext));
	}

	/** Throws 422 for a Subscription whose criteria name AuditEvent. */
	static void refuseAuditEventCriteria(Subscription subscription) {
		if (subscription.hasCriteria()) {
			SubscriptionCriteria criteria = SubscriptionCriteriaParser.parse(subscription.getCriteria());
			if (criteria != null && criteria.getApplicableResourceTypes() != null
					&& criteria.getApplicableResourceTypes().contains(AUDIT_EVENT)) {
				throw new UnprocessableEntityException(REFUSED);
			}
		}
	}
}
