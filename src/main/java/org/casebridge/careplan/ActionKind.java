package org.casebridge.careplan;

import org.hl7.fhir.r4.model.PlanDefinition.PlanDefinitionActionComponent;

/**
 * What an action of a template becomes in the client's plan, read from the action's data: a
 * definition (a Questionnaire this server holds) makes a reassessment Task; a code from cb-service-category a
 * referral; a code from cb-case-task a Task for the case manager; a code from cb-contact-mode, or
 * no code, a planned check-in. Anything else is a template this server cannot apply.
 */
enum ActionKind {
	REASSESSMENT,
	REFERRAL,
	CASE_TASK,
	CHECK_IN;

	private static final String CODE_SYSTEMS = "http://casebridge.org/fhir/CodeSystem/";

	static ActionKind of(PlanDefinitionActionComponent action) {
		if (action.hasDefinitionCanonicalType()) {
			return REASSESSMENT;
		}
		if (hasCodeFrom(action, "cb-service-category")) {
			return REFERRAL;
		}
		if (hasCodeFrom(action, "cb-case-task")) {
			return CASE_TASK;
		}
		if (!action.hasCode() || hasCodeFrom(action, "cb-contact-mode")) {
			return CHECK_IN;
		}
		throw PlanSchedule.defect("action " + action.getId() + " has no code this server applies (from "
				+ CODE_SYSTEMS + "cb-service-category, cb-case-task or cb-contact-mode)");
	}

	private static boolean hasCodeFrom(PlanDefinitionActionComponent action, String codeSystem) {
		return action.getCode().stream()
				.flatMap(code -> code.getCoding().stream())
				.anyMatch(coding -> (CODE_SYSTEMS + codeSystem).equals(coding.getSystem()));
	}
}
