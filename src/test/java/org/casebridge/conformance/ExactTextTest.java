package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExactTextTest {

	/** A context that keeps the text it parsed on the resource, as the JPA server's does. */
	private static final FhirContext FHIR = keepingText();
	private static final ExactText EXACT_TEXT = new ExactText(FHIR);

	static Stream<Arguments> texts() {
		return Stream.of(
				Arguments.of("the object's own encoding", true, """
						{"resourceType":"Patient","active":true,"gender":"female"}"""),
				Arguments.of("other key order and spacing", true, """
						{ "gender" : "female",
						 "active" : true, "resourceType" : "Patient" }"""),
				Arguments.of("an id and version the server replaces", true, """
						{"resourceType":"Patient","id":"a-1","meta":{"versionId":"3"},"active":true}"""),
				Arguments.of("an element R4 does not define", false, """
						{"resourceType":"Patient","active":true,"nickname":"Al"}"""),
				Arguments.of("a string for a boolean", false, """
						{"resourceType":"Patient","active":"true"}"""),
				Arguments.of("a null", false, """
						{"resourceType":"Patient","active":true,"gender":null}"""),
				Arguments.of("an empty list", false, """
						{"resourceType":"Patient","active":true,"name":[]}"""),
				Arguments.of("a repeated key", false, """
						{"resourceType":"Patient","gender":"male","gender":"female"}"""),
				Arguments.of("a list for a single value", false, """
						{"resourceType":"Patient","gender":["female"]}"""),
				Arguments.of("a primitive's id HAPI drops", false, """
						{"resourceType":"Patient","active":true,"_active":{"id":"x"}}"""),
				Arguments.of("a malformed id", false, """
						{"resourceType":"Patient","id":"a b","active":true}"""),
				Arguments.of("a last-updated time", false, """
						{"resourceType":"Patient","meta":{"lastUpdated":"2026-12-07T10:00:00Z"},"active":true}"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("texts")
	void theTextHoldsOnlyWhenItSaysWhatTheParsedResourceHolds(String name, boolean holds, String text) {
		Patient parsed = FHIR.newJsonParser().parseResource(Patient.class, text);

		assertThat(EXACT_TEXT.holds(parsed)).isEqualTo(holds);
	}

	@Test
	void aResourceMadeByTheServerHasNoTextAndIsTheValidatorsToEncode() {
		assertThat(EXACT_TEXT.holds(new Patient().setActive(true))).isTrue();
	}

	private static FhirContext keepingText() {
		FhirContext context = new FhirContext(FhirVersionEnum.R4);
		context.setStoreRawJson(true);
		return context;
	}
}
