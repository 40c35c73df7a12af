package org.casebridge.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceOperationComponent;

/**
 * Declares in the CapabilityStatement's {@code rest.security} that tokens are SMART on FHIR and
 * where to get one (SMART App Launch v2 §2.0.4), and marks each administrative operation with the
 * scope it needs. Registered only when security is on.
 */
@Interceptor
class SmartCapabilityCustomizer {

	private final SmartConfiguration configuration;

	SmartCapabilityCustomizer(SmartConfiguration configuration) {
		this.configuration = configuration;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	void declare(IBaseConformance generated) {
		for (CapabilityStatementRestComponent rest : ((CapabilityStatement) generated).getRest()) {
			rest.setSecurity(configuration.restSecurity());
			Stream.concat(rest.getOperation().stream(), rest.getResource().stream().flatMap(resource -> resource.getOperation().stream()))
					.filter(operation -> !SmartAuthorizationRules.CLIENT_OPERATIONS.contains("$" + operation.getName()))
					.forEach(SmartCapabilityCustomizer::markAdministrative);
		}
	}

	private static void markAdministrative(CapabilityStatementRestResourceOperationComponent operation) {
		operation.setDocumentation("Administrative: needs the scope " + SmartScopes.ADMINISTRATOR
				+ (operation.hasDocumentation() ? ". " + operation.getDocumentation() : ""));
	}
}
