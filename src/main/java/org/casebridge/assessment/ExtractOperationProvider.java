package org.casebridge.assessment;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.casebridge.server.OperationProvider;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code QuestionnaireResponse/[id]/$extract} (SDC, observation-based extraction): the transaction
 * Bundle that stores the response's scores and needs, or brings them up to date. It changes
 * nothing itself; posting the Bundle to the server's base does, and posting it twice is harmless.
 */
@Component
@Profile("!baseline")
class ExtractOperationProvider implements OperationProvider {

	private final ResponseExtraction extraction;
	private final DaoRegistry daoRegistry;

	ExtractOperationProvider(ResponseExtraction extraction, DaoRegistry daoRegistry) {
		this.extraction = extraction;
		this.daoRegistry = daoRegistry;
	}

	@Operation(name = "$extract", type = QuestionnaireResponse.class, idempotent = true,
			canonicalUrl = "http://casebridge.org/fhir/OperationDefinition/QuestionnaireResponse-extract")
	public Bundle extract(@IdParam IdType id, RequestDetails requestDetails) {
		QuestionnaireResponse response = daoRegistry.getResourceDao(QuestionnaireResponse.class).read(id, requestDetails);
		return extraction.extract(response, requestDetails);
	}
}
