package org.casebridge.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Labels the substance-use program's records {@code 42CFRPart2} before they are stored, on every
 * write path, whether access control is on or not: the label is part of the record, searchable
 * ({@code _security}) and shown on every read, and it is what withholds the record from a
 * community organisation whose consent does not cover it (see {@link Part2Records}).
 */
@Component
@Interceptor
@Profile("!baseline")
class Part2LabelInterceptor {

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	void creating(IBaseResource resource) {
		Part2Records.label(resource);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	void updating(IBaseResource previous, IBaseResource updated) {
		Part2Records.label(updated);
	}
}
