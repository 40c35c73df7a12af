package org.casebridge.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseParameters;
import org.springframework.stereotype.Component;

/**
 * A FHIRPath Patch (R4 fhirpatch.html) is a Parameters resource; HAPI hands any other resource to
 * its patch method and fails with a 500. Refused here with 400 before the patch runs.
 */
@Component
@Interceptor
class PatchBodyInterceptor {

	private final FhirContext fhirContext;

	PatchBodyInterceptor(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	void check(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation != RestOperationTypeEnum.PATCH) {
			return;
		}
		EncodingEnum encoding = EncodingEnum.forContentTypeStrict(request.getHeader("Content-Type"));
		if (encoding == null) {
			return; // JSON Patch, or a content type HAPI refuses itself
		}
		String body = new String(request.loadRequestContents(), StandardCharsets.UTF_8);
		try {
			if (!(encoding.newParser(fhirContext).parseResource(body) instanceof IBaseParameters)) {
				throw new InvalidRequestException("A FHIRPath Patch body must be a Parameters resource");
			}
		} catch (DataFormatException e) {
			throw new InvalidRequestException("The FHIRPath Patch body is not a valid Parameters resource");
		}
	}
}
