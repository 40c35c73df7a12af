package org.casebridge.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * An AuditEvent, once stored, is never changed or deleted on any write path (update, PATCH,
 * conditional update, transaction entries, delete, conditional delete): 405, nothing stored. The
 * audit trail is evidence (HIPAA §164.312(b)); retention ends it, not a client.
 */
@Component
@Interceptor
@Profile("!baseline")
class AuditEventImmutabilityInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	void updating(IBaseResource previous, IBaseResource updated) {
		if (previous instanceof AuditEvent) {
			throw refusal(RequestTypeEnum.PUT, "changed");
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	void deleting(IBaseResource resource) {
		if (resource instanceof AuditEvent) {
			throw refusal(RequestTypeEnum.DELETE, "deleted");
		}
	}

	private static MethodNotAllowedException refusal(RequestTypeEnum method, String what) {
		return new MethodNotAllowedException("An AuditEvent cannot be " + what + ": the audit trail is append-only",
				RequestTypeEnum.GET, RequestTypeEnum.POST);
	}
}
