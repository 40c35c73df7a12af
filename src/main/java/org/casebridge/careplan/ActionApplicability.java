package org.casebridge.careplan;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.casebridge.conformance.ConformanceResources;
import org.casebridge.conformance.FhirPathHost;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.PlanDefinition.ActionConditionKind;
import org.hl7.fhir.r4.model.PlanDefinition.ActionRequiredBehavior;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;
import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionConditionComponent;
import org.hl7.fhir.utilities.fhirpath.FHIRPathConstantEvaluationMode;
import org.springframework.stereotype.Component;

/**
 * Whether a template's action applies to a client (Clinical Reasoning, PlanDefinition.action.condition
 * of kind applicability): an action whose {@code requiredBehavior} is {@code must} always applies;
 * any other applies when each of its applicability conditions gives {@code true}. Conditions are
 * FHIRPath ({@code text/fhirpath}) with the client as focus and the {@link ClientRecord}
 * variables, evaluated with the FHIRPath engine HAPI ships, as the instrument scoring is.
 */
@Component
class ActionApplicability {

	private static final String FHIRPATH = "text/fhirpath";

	private final FHIRPathEngine fhirPath;
	private final Map<String, ExpressionNode> parsedExpressions = new ConcurrentHashMap<>();

	ActionApplicability(ConformanceResources conformanceResources) {
		this.fhirPath = conformanceResources.fhirPathEngine(new RecordVariables());
	}

	boolean applies(PlanDefinitionActionComponent action, ClientRecord record) {
		List<PlanDefinitionActionConditionComponent> conditions = action.getCondition().stream()
				.filter(condition -> condition.getKind() == ActionConditionKind.APPLICABILITY)
				.toList();
		if (action.getRequiredBehavior() == ActionRequiredBehavior.MUST) {
			if (!conditions.isEmpty()) {
				throw PlanSchedule.defect("action " + action.getId() + " is required (must) and has applicability conditions");
			}
			return true;
		}
		return conditions.stream().allMatch(condition -> isTrue(action, condition, record));
	}

	private boolean isTrue(PlanDefinitionActionComponent action, PlanDefinitionActionConditionComponent condition,
			ClientRecord record) {
		String language = condition.getExpression().getLanguage();
		String expression = condition.getExpression().getExpression();
		if (!FHIRPATH.equals(language) || expression == null) {
			throw PlanSchedule.defect("a condition of action " + action.getId() + " is not a FHIRPath expression ("
					+ language + ")");
		}
		try {
			ExpressionNode parsed = parsedExpressions.computeIfAbsent(expression, fhirPath::parse);
			List<Base> result = fhirPath.evaluate(record, record.subject(), record.subject(), record.subject(), parsed);
			return result.size() == 1 && result.get(0) instanceof BooleanType bool && bool.booleanValue();
		} catch (FHIRException e) {
			throw PlanSchedule.defect("the condition of action " + action.getId() + " (" + expression + ") failed: "
					+ e.getMessage());
		}
	}

	/** The {@link ClientRecord} (the engine's application context) as FHIRPath variables. */
	private static final class RecordVariables extends FhirPathHost {

		@Override
		public List<Base> resolveConstant(FHIRPathEngine engine, Object appContext, String name,
				FHIRPathConstantEvaluationMode mode) {
			if (mode != FHIRPathConstantEvaluationMode.EXPLICIT) {
				return List.of();
			}
			String variable = name.startsWith("%") ? name.substring(1) : name;
			return ((ClientRecord) appContext).variable(variable)
					.<List<Base>>map(List::copyOf)
					.orElseThrow(() -> new FHIRException("unknown variable %" + variable));
		}
	}
}
