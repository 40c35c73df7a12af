package org.casebridge.conformance;

import java.util.List;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.fhirpath.FHIRPathUtilityClasses.FunctionDetails;
import org.hl7.fhir.r4.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r4.fhirpath.TypeDetails;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;

/**
 * What a feature adds to HAPI's FHIRPath engine (variables, functions, references), with nothing
 * added by default: a feature overrides what it provides. Engines come from
 * {@link ConformanceResources#fhirPathEngine}, so every expression of ours resolves profiles and
 * terminology the same way.
 */
public abstract class FhirPathHost implements IHostApplicationServices {

	@Override
	public List<Base> resolveConstant(FHIRPathEngine engine, Object appContext, String name,
			FHIRPathConstantEvaluationMode mode) {
		return List.of();
	}

	@Override
	public TypeDetails resolveConstantType(FHIRPathEngine engine, Object appContext, String name,
			FHIRPathConstantEvaluationMode mode) {
		return null;
	}

	@Override
	public boolean log(String argument, List<Base> focus) {
		return false;
	}

	@Override
	public FunctionDetails resolveFunction(FHIRPathEngine engine, String functionName) {
		return null;
	}

	@Override
	public TypeDetails checkFunction(FHIRPathEngine engine, Object appContext, String functionName, TypeDetails focus,
			List<TypeDetails> parameters) {
		return null;
	}

	@Override
	public List<Base> executeFunction(FHIRPathEngine engine, Object appContext, List<Base> focus, String functionName,
			List<List<Base>> parameters) {
		return List.of();
	}

	@Override
	public Base resolveReference(FHIRPathEngine engine, Object appContext, String url, Base refContext) {
		return null;
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
