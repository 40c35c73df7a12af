package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.utilities.OIDUtilities;
import org.junit.jupiter.api.Test;

/** Declared profiles are always enforced; undeclared ones only when the server requires them. */
class ProfileValidatorTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();

	@Test
	void plainR4IsHeldToBaseR4OnlyByDefault() {
		ProfileValidator validator = PackageExamples.validator(false);

		assertThat(errors(validator, patientWithoutIdentifier())).isEmpty();
	}

	@Test
	void requiredProfilesApplyToResourcesThatDoNotDeclareThem() {
		ProfileValidator validator = PackageExamples.validator(true);

		assertThat(errors(validator, patientWithoutIdentifier()))
				.anyMatch(message -> message.contains("Patient.identifier: minimum required = 1, but only found 0")
						&& message.contains("cb-client"));
		assertThat(errors(validator, PackageExamples.parse(FHIR, PackageExamples.read("Patient-PatientRivera.json"))))
				.isEmpty();
	}

	@Test
	void profilesTheServerDoesNotHoldAreWarnedAboutNotRefused() {
		Patient usCore = patientWithoutIdentifier();
		usCore.getMeta().addProfile("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");

		assertThat(errors(PackageExamples.validator(false), usCore)).isEmpty();
		assertThat(PackageExamples.validator(false).validate(usCore).getMessages())
				.anyMatch(message -> message.getMessage().contains("us-core-patient"));
	}

	@Test
	void theSubscriptionTopicsOfThePackageAreValidButOtherCrossVersionExtensionsAreNot() {
		ProfileValidator validator = PackageExamples.validator(false);
		assertThat(PackageExamples.PACKAGE.subscriptionTopics()).isNotEmpty()
				.allSatisfy(topic -> assertThat(errors(validator, topic)).isEmpty());

		Basic topic = PackageExamples.PACKAGE.subscriptionTopics().get(0).copy();
		String unknown = "http://hl7.org/fhir/5.0/StructureDefinition/extension-SubscriptionTopic.unknown";
		topic.addExtension(unknown, new StringType("not a topic element"));

		assertThat(errors(validator, topic)).containsExactly(
				"Extension url '" + unknown + "' is not valid (invalid Version '5.0')");
	}

	@Test
	void theValidatorDoesNotReparseTheOidRegistryOnEveryValidation() {
		// Our header-only oidregistry.csv shadows the 1.5 MB one in org.hl7.fhir.utilities.
		assertThat(new OIDUtilities().isKnownOID("2.16.840.1.113883")).isFalse();
	}

	private static Patient patientWithoutIdentifier() {
		Patient patient = new Patient();
		patient.addName().setFamily("Okafor");
		patient.setGender(AdministrativeGender.MALE);
		return patient;
	}

	private static List<String> errors(ProfileValidator validator, IBaseResource resource) {
		return validator.errors(resource).stream()
				.map(SingleValidationMessage::getMessage)
				.toList();
	}
}
