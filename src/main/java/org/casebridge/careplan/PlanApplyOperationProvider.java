package org.casebridge.careplan;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.util.Optional;
import org.casebridge.server.OperationProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * {@code PlanDefinition/[id]/$apply} (Clinical Reasoning R4, the parameters care plans need, see
 * the OperationDefinition {@code PlanDefinition-apply} in our package): the client's plan from a
 * program template. It stores nothing; {@code resultForm=transaction} gives the Bundle that does.
 */
@Component
@Profile("!baseline")
class PlanApplyOperationProvider implements OperationProvider {

	private final PlanApplication application;
	private final FhirContext fhirContext;

	PlanApplyOperationProvider(PlanApplication application, FhirContext fhirContext) {
		this.application = application;
		this.fhirContext = fhirContext;
	}

	@Operation(name = "$apply", type = PlanDefinition.class, idempotent = true,
			canonicalUrl = "http://casebridge.org/fhir/OperationDefinition/PlanDefinition-apply")
	public IBaseResource apply(
			@IdParam IdType template,
			@OperationParam(name = "subject", min = 1, max = 1) StringType subject,
			@OperationParam(name = "encounter", max = 1) StringType encounter,
			@OperationParam(name = "practitioner", max = 1) StringType practitioner,
			@OperationParam(name = "organization", max = 1) StringType organization,
			@OperationParam(name = "start", max = 1) DateType start,
			@OperationParam(name = "resultForm", max = 1) CodeType resultForm,
			RequestDetails requestDetails) {
		String form = resultForm == null || resultForm.isEmpty() ? "careplan" : resultForm.getValue();
		if (!form.equals("careplan") && !form.equals("transaction")) {
			throw new InvalidRequestException("Parameter resultForm must be careplan or transaction, not " + form);
		}
		if (subject == null || subject.isEmpty()) {
			throw new InvalidRequestException("Parameter subject is required: the client, as Patient/[id]");
		}
		PlanApplication.ApplyParameters parameters = new PlanApplication.ApplyParameters(subject.getValue(), value(encounter),
				value(practitioner), value(organization),
				Optional.ofNullable(start).filter(DateType::hasValue).map(date -> LocalDate.parse(date.getValueAsString())));
		AppliedPlan plan = application.apply(template, parameters, requestDetails);
		return form.equals("transaction") ? plan.asTransaction() : plan.asContained(fhirContext);
	}

	private static Optional<String> value(StringType parameter) {
		return Optional.ofNullable(parameter).filter(StringType::hasValue).map(StringType::getValue);
	}
}
