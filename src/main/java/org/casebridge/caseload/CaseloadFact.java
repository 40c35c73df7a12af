package org.casebridge.caseload;

import java.time.LocalDate;

/**
 * One thing the caseload view needs to know about a stored resource, as a row of the projection
 * ({@link CaseloadFactStore}): who it concerns ({@code client}, a Patient id), what it is
 * ({@code kind}), and its code, status, date and label. What code, date and label hold depends on
 * the kind (see {@link Kind}).
 */
record CaseloadFact(
		String resourceType, String resourceId, String client, Kind kind,
		String code, String status, LocalDate date, String label) {

	enum Kind {
		/** Patient: label its name. */
		CLIENT,
		/** PractitionerRole: code the Practitioner reference (no client). */
		ROLE,
		/** CareTeam participant: code the member reference, status the team's, date the participation's end. */
		MEMBER,
		/** EpisodeOfCare: code the program, date its start, label the program's display. */
		EPISODE,
		/** CarePlan: code the program, date its start, label the title. */
		PLAN,
		/** CarePlan.addresses: code the Condition reference, status the plan's. */
		ADDRESSES,
		/** Goal: status lifecycle, code achievement, date the earliest target due date, label the description. */
		GOAL,
		/** Referral Task: code its focus ServiceRequest reference, date since when it has its status. */
		REFERRAL_TASK,
		/** Referral ServiceRequest: code its service category, date authoredOn, label its code's text. */
		REFERRAL,
		/** ServiceRequest.replaces: code the replaced ServiceRequest reference. */
		REPLACES,
		/** QuestionnaireResponse: code the Questionnaire canonical without version, date authored. */
		RESPONSE,
		/** Check-in Encounter: date its start. */
		CONTACT,
		/** Need Condition: code the need's code, status clinical, date recorded, label the code's text. */
		NEED
	}

	String reference() {
		return resourceType + "/" + resourceId;
	}
}
