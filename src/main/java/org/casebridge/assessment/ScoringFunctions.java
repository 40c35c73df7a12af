package org.casebridge.assessment;

import java.util.List;
import java.util.Objects;
import org.casebridge.conformance.FhirPathHost;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;

/**
 * What scoring adds to FHIRPath: SDC's {@code ordinal()} (also called {@code weight()}) and
 * {@code resolve()} of references through the server. The application context the engine passes
 * to each call is the {@link Scoring} under way.
 */
class ScoringFunctions extends FhirPathHost {

	private static final List<String> ORDINAL = List.of("ordinal", "weight");

	@Override
	public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
		return ORDINAL.contains(functionName)
				? new FunctionDetails("SDC ordinal(): the weight of an answer Coding", 0, 0)
				: null;
	}

	@Override
	public List<Base> executeFunction(FHIRPathEngine engine, Object appContext, List<Base> focus, String functionName,
			List<List<Base>> parameters) {
		Scoring scoring = (Scoring) appContext;
		return focus.stream()
				.filter(Coding.class::isInstance)
				.map(coding -> scoring.weightOf((Coding) coding))
				.filter(Objects::nonNull)
				.<Base>map(DecimalType::new)
				.toList();
	}

	@Override
	public Base resolveReference(FHIRPathEngine engine, Object appContext, String url, Base refContext) {
		return ((Scoring) appContext).resolve(url);
	}
}
