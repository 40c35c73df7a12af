package org.casebridge.caseload;

import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caseload thresholds ({@code casebridge.caseload.*}). Check-in and reassessment intervals come
 * from each program's template; a program may override the check-in interval and the referral
 * times under {@code programs.<program code>}.
 *
 * @param referralAcceptance how long a requested referral may wait to be accepted
 * @param referralCompletion how long an accepted referral may stay open
 * @param highRiskNeeds the need codes (CodeSystem cb-assessment) that make a client high-risk
 * @param programs overrides by program code (CodeSystem cb-program)
 */
@ConfigurationProperties("casebridge.caseload")
record CaseloadProperties(
		@DefaultValue("P5D") Period referralAcceptance,
		@DefaultValue("P30D") Period referralCompletion,
		@DefaultValue({"need-suicide-risk", "need-readmission-risk", "need-interpersonal-safety"}) List<String> highRiskNeeds,
		Map<String, ProgramSettings> programs) {

	/** A program's overrides; what is not set comes from the defaults above and the template. */
	record ProgramSettings(Period referralAcceptance, Period referralCompletion, Period checkInInterval) {}

	CaseloadProperties {
		programs = programs == null ? Map.of() : Map.copyOf(programs);
	}
}
