package org.casebridge.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * An AuditEvent, once stored, is never changed, deleted or expunged on any path (update, PATCH,
 * conditional update, transaction entries, delete, conditional delete, {@code $expunge}, an
 * expunge of everything): 405, nothing changed. The audit trail is evidence (HIPAA §164.312(b));
 * retention ({@link AuditRetention}) ends it, not a client.
 */
@Component
@Interceptor
@Profile("!baseline")
class AuditEventImmutabilityInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	void updating(IBaseResource previous, IBaseResource updated) {
		if (previous instanceof AuditEvent) {
			throw refusal("changed");
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	void deleting(IBaseResource resource, RequestDetails request) {
		if (resource instanceof AuditEvent && !AuditRetention.isRetention(request)) {
			throw refusal("deleted");
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_EXPUNGE_RESOURCE)
	void expunging(IIdType id, RequestDetails request) {
		if ("AuditEvent".equals(id.getResourceType()) && !AuditRetention.isRetention(request)) {
			throw refusal("expunged");
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_EXPUNGE_EVERYTHING)
	void expungingEverything() {
		throw refusal("expunged");
	}

	private static MethodNotAllowedException refusal(String what) {
		return new MethodNotAllowedException("An AuditEvent cannot be " + what + ": the audit trail is append-only",
				RequestTypeEnum.GET, RequestTypeEnum.POST);
	}
}
