package org.casebridge.security;

import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Resource;

/**
 * Records under 42 CFR Part 2 (confidentiality of substance use disorder patient records): the
 * records of CaseBridge's substance-use program, its EpisodeOfCare and CarePlan, and whatever a
 * sender labels so. They carry the security label {@code v3-ActCode#42CFRPart2}
 * (HL7 Healthcare Privacy and Security Classification System), which a consent covers when its
 * provision names the same label.
 */
final class Part2Records {

	static final String ACT_CODES = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
	static final String LABEL = "42CFRPart2";
	/** The search that leaves Part 2 records out. */
	static final String NOT_LABELLED = "_security:not";
	static final String LABEL_TOKEN = ACT_CODES + "|" + LABEL;
	private static final String PROGRAMS = "http://casebridge.org/fhir/CodeSystem/cb-program";
	private static final String SUBSTANCE_USE = "substance-use";

	private Part2Records() {}

	/** Whether the resource is a record of the substance-use program, which must carry the label. */
	static boolean isProgramRecord(IBaseResource resource) {
		if (resource instanceof EpisodeOfCare episode) {
			return episode.getType().stream().anyMatch(Part2Records::isSubstanceUse);
		}
		if (resource instanceof CarePlan plan) {
			return plan.getCategory().stream().anyMatch(Part2Records::isSubstanceUse);
		}
		return false;
	}

	static boolean isLabelled(IBaseResource resource) {
		return resource instanceof Resource labelled && labelled.getMeta().getSecurity().stream()
				.anyMatch(coding -> ACT_CODES.equals(coding.getSystem()) && LABEL.equals(coding.getCode()));
	}

	/** Adds the label to a program record that lacks it; whether it did. */
	static boolean label(IBaseResource resource) {
		if (!isProgramRecord(resource) || isLabelled(resource)) {
			return false;
		}
		((Resource) resource).getMeta().addSecurity(new Coding(ACT_CODES, LABEL, "42 CFR Part2"));
		return true;
	}

	/** Whether a consent's provision covers Part 2 records: it names their label. */
	static boolean coveredBy(Consent consent) {
		return Optional.ofNullable(consent.getProvision()).stream().flatMap(provision -> provision.getSecurityLabel().stream())
				.anyMatch(coding -> ACT_CODES.equals(coding.getSystem()) && LABEL.equals(coding.getCode()));
	}

	private static boolean isSubstanceUse(CodeableConcept concept) {
		return concept.getCoding().stream()
				.anyMatch(coding -> PROGRAMS.equals(coding.getSystem()) && SUBSTANCE_USE.equals(coding.getCode()));
	}
}
