package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** Which records are 42 CFR Part 2 records, and which consents cover them. */
class Part2RecordsTest {

	private static final String PROGRAMS = "http://casebridge.org/fhir/CodeSystem/cb-program";

	@Test
	void theSubstanceUseProgramsEpisodeAndPlanAreLabelledOnce() {
		EpisodeOfCare episode = new EpisodeOfCare().addType(program("substance-use"));
		CarePlan plan = new CarePlan().addCategory(program("substance-use"));

		assertThat(Part2Records.label(episode)).isTrue();
		assertThat(Part2Records.label(plan)).isTrue();
		assertThat(Part2Records.label(plan)).as("already labelled").isFalse();
		assertThat(plan.getMeta().getSecurity()).singleElement().satisfies(label -> {
			assertThat(label.getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
			assertThat(label.getCode()).isEqualTo("42CFRPart2");
		});
	}

	@Test
	void otherProgramsAndOtherRecordsAreNotLabelled() {
		CarePlan mentalHealth = new CarePlan().addCategory(program("mental-health"));
		Observation observation = new Observation();

		assertThat(Part2Records.label(mentalHealth)).isFalse();
		assertThat(Part2Records.label(observation)).isFalse();
		assertThat(Part2Records.isLabelled(mentalHealth)).isFalse();
	}

	@Test
	void aSenderLabelIsHonoured() {
		Observation labelled = new Observation();
		labelled.getMeta().addSecurity("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2", null);

		assertThat(Part2Records.isLabelled(labelled)).isTrue();
	}

	@Test
	void aConsentCoversPart2RecordsWhenItsProvisionNamesTheLabel() {
		Consent covering = new Consent();
		covering.getProvision().addSecurityLabel(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "42CFRPart2", null));
		Consent notCovering = new Consent();
		notCovering.getProvision().addSecurityLabel(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "PSY", null));

		assertThat(Part2Records.coveredBy(covering)).isTrue();
		assertThat(Part2Records.coveredBy(notCovering)).isFalse();
		assertThat(Part2Records.coveredBy(new Consent())).isFalse();
	}

	private static CodeableConcept program(String code) {
		return new CodeableConcept(new Coding(PROGRAMS, code, null));
	}
}
