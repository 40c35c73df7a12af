package org.casebridge.assessment;

import java.util.List;
import java.util.Objects;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;

/**
 * What scoring adds to FHIRPath: SDC's {@code ordinal()} (also called {@code weight()}) and
 * {@code resolve()} of references through the server. The application context the engine passes
 * to each call is the {@link Scoring} under way.
 */
class ScoringFunctions implements IHostApplicationServices {

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
	public List<Base> resolveConstant(FHIRPathEngine engine, Object appContext, String name,
			FHIRPathConstantEvaluationMode mode) {
		return List.of();
	}

	@Override
	public Base resolveReference(FHIRPathEngine engine, Object appContext, String url, Base refContext) {
		return ((Scoring) appContext).resolve(url);
	}

	@Override
	public TypeDetails resolveConstantType(FHIRPathEngine engine, Object appContext, String name,
			FHIRPathConstantEvaluationMode mode) {
		return null;
	}

	@Override
	public TypeDetails checkFunction(FHIRPathEngine engine, Object appContext, String functionName, TypeDetails focus,
			List<TypeDetails> parameters) {
		return null;
	}

	@Override
	public boolean log(String argument, List<Base> focus) {
		return false;
	}

	@Override
	public boolean conformsToProfile(FHIRPathEngine engine, Object appContext, Base item, String url) {
		return false;
	}

	@Override
	public ValueSet resolveValueSet(FHIRPathEngine engine, Object appContext, String url) {
		return null;
	}

	@Override
	public boolean paramIsType(String name, int index) {
		return false;
	}
}
