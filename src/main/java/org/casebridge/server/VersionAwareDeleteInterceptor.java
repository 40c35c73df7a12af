package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.ParameterUtil;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Version-aware delete (R4 http.html#concurrency): a DELETE whose {@code If-Match} names another
 * version than the current one is refused with 409, like a stale update, instead of deleting
 * what the client has not seen. HAPI ignores the header on DELETE. Checked inside the database
 * transaction, against the version being deleted.
 */
@Component
@Interceptor
class VersionAwareDeleteInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	void check(RequestDetails request, IBaseResource current) {
		if (request == null || request.getRequestType() != RequestTypeEnum.DELETE) {
			return;
		}
		String ifMatch = request.getHeader(Constants.HEADER_IF_MATCH);
		if (ifMatch == null) {
			return;
		}
		String expected = ParameterUtil.parseETagValue(ifMatch.trim());
		String actual = current.getIdElement().getVersionIdPart();
		if (!expected.equals(actual)) {
			throw new ResourceVersionConflictException("If-Match names version " + expected + " but the current version is "
					+ actual + "; read the resource again before deleting it");
		}
	}
}
