package org.casebridge.careplan;

import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Reference;

/**
 * One application of a template, as resolved from the {@code $apply} parameters and the server:
 * the client, the encounter, the case manager (the practitioner given, else the care team's case
 * manager), the organization, the start date, the client's active care team if they have one, and
 * the active plan from the same template that the new one replaces.
 */
record PlanRequest(
		PlanDefinition template,
		Patient subject,
		Optional<Encounter> encounter,
		Reference caseManager,
		Optional<Reference> organization,
		LocalDate start,
		Optional<CareTeam> careTeam,
		Optional<CarePlan> replaced) {

	Reference subjectReference() {
		return new Reference(subject.getIdElement().toUnqualifiedVersionless().getValue());
	}

	Optional<Reference> encounterReference() {
		return encounter.map(found -> new Reference(found.getIdElement().toUnqualifiedVersionless().getValue()));
	}

	/** The template's canonical, with its version when it has one. */
	String templateCanonical() {
		return template.hasVersion() ? template.getUrl() + "|" + template.getVersion() : template.getUrl();
	}
}
