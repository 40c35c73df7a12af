package org.casebridge.audit;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.casebridge.server.OperationProvider;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/[id]/$disclosures} (OperationDefinition {@code Patient-disclosures} in our
 * package): the client's accounting of disclosures, as a Bundle of the AuditEvents that record
 * them (who received what, when), oldest first; {@code start} and {@code end} bound it by date.
 */
@Component
@Profile(AuditConfig.AUDITED)
class DisclosuresOperationProvider implements OperationProvider {

	private final DisclosureAccounting accounting;

	DisclosuresOperationProvider(DisclosureAccounting accounting) {
		this.accounting = accounting;
	}

	@Operation(name = "$disclosures", type = Patient.class, idempotent = true,
			canonicalUrl = "http://casebridge.org/fhir/OperationDefinition/Patient-disclosures")
	public Bundle disclosures(@IdParam IdType patient, @OperationParam(name = "start", max = 1) DateType start,
			@OperationParam(name = "end", max = 1) DateType end) {
		if (start != null && end != null && start.getValue().after(end.getValue())) {
			throw new InvalidRequestException("start (" + start.getValueAsString() + ") is after end (" + end.getValueAsString() + ")");
		}
		DateRangeParam period = new DateRangeParam(start == null ? null : start.getValueAsString(),
				end == null ? null : end.getValueAsString());
		List<AuditEvent> disclosures = accounting.of(patient.toUnqualifiedVersionless().getValue(), period);
		Bundle accountingBundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(disclosures.size());
		disclosures.forEach(event -> accountingBundle.addEntry().setFullUrl(event.getIdElement().toUnqualifiedVersionless().getValue())
				.setResource(event).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
		return accountingBundle;
	}
}
