package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.springframework.stereotype.Component;

/**
 * Withdraws FHIR's {@code $meta}, {@code $meta-add} and {@code $meta-delete} (R4
 * resource-operations.html). Tags, security labels and profiles are stored in the resource body
 * (inline tag storage, see {@link FhirJpaConfig}), and HAPI's implementations of these operations
 * only know its tag tables: {@code $meta} would answer without the labels, and {@code $meta-add}
 * would answer success while the resource kept its labels. A client is told to use what works
 * instead, and the CapabilityStatement no longer offers them.
 */
@Component
@Interceptor
class MetaOperationsInterceptor {

	private static final Set<String> META_OPERATIONS = Set.of("$meta", "$meta-add", "$meta-delete");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	boolean refuse(RequestDetails request) {
		if (request.getOperation() != null && META_OPERATIONS.contains(request.getOperation())) {
			throw new InvalidRequestException(request.getOperation() + " is not supported: tags, security labels and"
					+ " profiles are part of the resource; read them with a read, change them with PATCH or PUT");
		}
		return true;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	void withdraw(IBaseConformance generated) {
		for (CapabilityStatementRestComponent rest : ((CapabilityStatement) generated).getRest()) {
			rest.getOperation().removeIf(operation -> META_OPERATIONS.contains("$" + operation.getName()));
			for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
				resource.getOperation().removeIf(operation -> META_OPERATIONS.contains("$" + operation.getName()));
			}
		}
	}
}
