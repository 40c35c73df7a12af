package org.casebridge.conformance;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.interceptor.model.PrePatchDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.util.ResourceUtil;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Validates every resource before it is stored. Registered on the JPA interceptor service, so
 * REST writes, transaction and batch entries, conditional writes and the server's own DAO writes
 * all pass through it; a violation fails the whole transaction with 422 and nothing is stored.
 * A patched resource is validated as a PUT of the patched resource would be.
 *
 * <p>StructureDefinitions are the one exception: the R4 instance validator rejects the element
 * examples that R4 core's own snapshots carry (and every profile's snapshot copies them), so it
 * cannot judge a profile. Profiles are checked where they are authored, by SUSHI's compiler and
 * snapshot generator, and by validating their examples. Nor are the Binary files of a bulk export,
 * which HAPI's export job writes itself (up to 100 MB of NDJSON each, made of resources validated
 * when they were stored): validating one would only parse it; nor the AuditEvents HAPI's BALP
 * capture makes for every request, which would double the cost of a read.
 *
 * <p>The {@code unvalidated} Spring profile leaves it out, for the benchmark that measures what
 * validation costs on an otherwise identical server.
 */
@Component
@Profile("!unvalidated")
@Interceptor
class ProfileValidationInterceptor {

	private final ProfileValidator validator;

	ProfileValidationInterceptor(ProfileValidator validator) {
		this.validator = validator;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	void created(IBaseResource resource, RequestDetails request) {
		validate(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	void updated(IBaseResource previous, IBaseResource updated, RequestDetails request) {
		validate(updated, request);
	}

	/**
	 * The JPA server keeps on every resource it parses the text it parsed it from, and the validator
	 * validates that text rather than the resource. A FHIRPath Patch changes the stored resource in
	 * place, so its text would still be the previous version's and the patch would go unchecked:
	 * forgotten before the patch, the patched resource itself is validated. (A JSON Patch makes a
	 * new resource from the patched text, which is right as it is.)
	 */
	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_PREPATCH)
	void patching(PrePatchDetails patch) {
		ResourceUtil.clearRawStringFromResource(patch.getResource());
	}

	private void validate(IBaseResource resource, RequestDetails request) {
		boolean serverMade = request instanceof SystemRequestDetails
				&& (resource instanceof Binary || resource instanceof AuditEvent);
		if (!(resource instanceof StructureDefinition) && !serverMade) {
			validator.requireValid(resource);
		}
	}
}
