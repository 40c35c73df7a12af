package org.casebridge.audit;

import ca.uhn.fhir.rest.annotation.Operation;
import org.casebridge.audit.AuditChain.Verification;
import org.casebridge.server.OperationProvider;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code AuditEvent/$verify-chain} (OperationDefinition {@code AuditEvent-verify-chain} in our
 * package): walks the audit trail's hash chain and says whether it is intact, or names the first
 * broken link and what broke it.
 */
@Component
@Profile(AuditConfig.AUDITED)
class AuditChainOperationProvider implements OperationProvider {

	private final AuditChain chain;

	AuditChainOperationProvider(AuditChain chain) {
		this.chain = chain;
	}

	@Operation(name = "$verify-chain", type = AuditEvent.class, idempotent = true,
			canonicalUrl = "http://casebridge.org/fhir/OperationDefinition/AuditEvent-verify-chain")
	public Parameters verifyChain() {
		Verification verification = chain.verify();
		Parameters result = new Parameters();
		result.addParameter().setName("intact").setValue(new BooleanType(verification.broken().isEmpty()));
		result.addParameter().setName("links").setValue(new IntegerType(verification.links()));
		result.addParameter().setName("unsealed").setValue(new IntegerType(verification.unsealed()));
		result.addParameter().setName("head").setValue(new StringType(verification.head()));
		verification.broken().ifPresent(broken -> {
			Parameters.ParametersParameterComponent link = result.addParameter().setName("brokenLink");
			link.addPart().setName("sequence").setValue(new IntegerType(broken.seq()));
			broken.eventId().ifPresent(event -> link.addPart().setName("event").setValue(new Reference(event)));
			link.addPart().setName("problem").setValue(new StringType(broken.problem()));
		});
		return result;
	}
}
