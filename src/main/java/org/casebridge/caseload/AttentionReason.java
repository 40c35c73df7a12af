package org.casebridge.caseload;

import java.util.Arrays;
import java.util.Optional;

/**
 * The reasons of CodeSystem {@code cb-caseload-reason}, in its order, which is their urgency:
 * {@code $caseload} ranks a client by their most urgent reason.
 */
enum AttentionReason {
	HIGH_RISK("high-risk", "High-risk need"),
	UNADDRESSED_NEED("unaddressed-need", "Need not in a plan"),
	REFERRAL_UNRESOLVED("referral-unresolved", "Referral not followed up"),
	NO_CONTACT("no-contact", "No recent contact"),
	GOAL_OVERDUE("goal-overdue", "Goal overdue"),
	REFERRAL_NOT_ACCEPTED("referral-not-accepted", "Referral not accepted"),
	REFERRAL_NOT_COMPLETED("referral-not-completed", "Referral not completed"),
	REASSESSMENT_DUE("reassessment-due", "Reassessment due");

	static final String SYSTEM = "http://casebridge.org/fhir/CodeSystem/cb-caseload-reason";

	private final String code;
	private final String display;

	AttentionReason(String code, String display) {
		this.code = code;
		this.display = display;
	}

	String code() {
		return code;
	}

	String display() {
		return display;
	}

	static Optional<AttentionReason> fromCode(String code) {
		return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
	}
}
