package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Component;

/**
 * Refuses the ids {@code .} and {@code ..} (and longer runs of dots) with 400. FHIR's id pattern
 * allows them, but as URL path segments they mean "this" and "parent": every HTTP client and
 * proxy normalises {@code Patient/..} away, so a resource stored under such an id could never be
 * read, updated or deleted again.
 */
@Component
@Interceptor
class PathSegmentIdInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	void created(IBaseResource resource) {
		String id = resource.getIdElement().getIdPart();
		if (id != null && id.chars().allMatch(c -> c == '.')) {
			throw new InvalidRequestException("The id '" + id + "' is a relative URL path segment and cannot address a resource");
		}
	}
}
