package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.springframework.stereotype.Component;

/**
 * Completes what HAPI generates into the CapabilityStatement (FHIR R4 §2.36) so that it tells the
 * truth: who publishes the server, and that the one system endpoint takes batch as well as
 * transaction Bundles.
 */
@Component
@Interceptor
class CapabilityStatementCustomizer {

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	void customize(IBaseConformance generated) {
		CapabilityStatement capabilities = (CapabilityStatement) generated;
		capabilities.setPublisher("CaseBridge");
		CapabilityStatementRestComponent rest = capabilities.getRestFirstRep();
		boolean batchDeclared = rest.getInteraction().stream()
				.anyMatch(interaction -> interaction.getCode() == SystemRestfulInteraction.BATCH);
		if (!batchDeclared) {
			rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
		}
	}
}
