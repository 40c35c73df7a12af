package org.casebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Well-formed resources whose content is wrong: references to what is not there or is of the
 * wrong kind, dates that do not exist, and PHQ-9 responses that do not fit their Questionnaire.
 * None may be stored; a response must never escape checking by naming a Questionnaire version
 * the server does not hold.
 */
class BadClinicalContentIT extends BadInputTestBase {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String PHQ9 = "http://casebridge.org/fhir/Questionnaire/phq-9";

	@Test
	void referenceToAMissingPatientIsRefused() {
		assertRefused(post(observationAbout("Patient/does-not-exist-" + unique)), 400, 404, 409, 422);
		assertNothingStored("Observation");
	}

	@Test
	void referenceToAResourceOfTheWrongTypeIsRefused() throws IOException {
		HttpResponse<String> medication = write("POST", "/fhir/Medication", FHIR_JSON,
				"{\"resourceType\":\"Medication\",\"code\":{\"text\":\"sertraline\"}}");
		assertThat(medication.statusCode()).as(medication.body()).isEqualTo(201);
		String medicationId = JSON.readTree(medication.body()).path("id").asText();

		assertRefused(post(observationAbout("Medication/" + medicationId)), 400, 422);
		assertNothingStored("Observation");
	}

	/** A code of 50,000 words: too long for its type's pattern, which the server matches word by word. */
	@Test
	void codeOfTooManyWordsIsRefused() {
		String observation = """
				{"resourceType":"Observation","identifier":[%s],"status":"final",
				 "code":{"coding":[{"system":"http://loinc.org","code":"%s"}]}}""".formatted(marker(), "a ".repeat(50_000).trim());
		assertRefused(post(observation), 422);
		assertNothingStored("Observation");
	}

	@ParameterizedTest(name = "birthDate {0}")
	@ValueSource(strings = {"2023-02-30", "2023-13-01", "2023-00-10", "1980-04-31", "tomorrow"})
	void dateThatDoesNotExistIsRefused(String birthDate) {
		assertRefused(post(patient("\"birthDate\":\"" + birthDate + "\"")), 400, 422);
		assertNothingStored("Patient");
	}

	@BeforeEach
	void storeWhatResponsesReferTo() {
		HttpResponse<String> stored = write("POST", "/fhir", FHIR_JSON, """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":%s,"request":{"method":"PUT","url":"Patient/PatientRivera"}},
				 {"resource":%s,"request":{"method":"PUT","url":"Practitioner/PractitionerCaseManager"}}]}
				""".formatted(example("Patient-PatientRivera.json"), example("Practitioner-PractitionerCaseManager.json")));
		assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
	}

	static Stream<Arguments> responsesThatDoNotFitThePhq9() {
		return Stream.of(
				Arguments.of("an answer outside the options", firstAnswerCode("LA9999-9")),
				Arguments.of("an unknown linkId", (UnaryOperator<ObjectNode>) response -> {
					((ObjectNode) response.at("/item/0/item/0")).put("linkId", "not-a-question");
					return response;
				}),
				Arguments.of("a version the server does not hold, with an answer outside the options",
						(UnaryOperator<ObjectNode>) response -> firstAnswerCode("LA9999-9")
								.apply(response.put("questionnaire", PHQ9 + "|9.9.9"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responsesThatDoNotFitThePhq9")
	void responseThatDoesNotFitItsQuestionnaireIsRefused(String mistake, UnaryOperator<ObjectNode> breakIt) {
		ObjectNode response = breakIt.apply(markedPhq9Response());

		assertRefused(post(response.toString()), 422);
		assertNothingStored("QuestionnaireResponse");
	}

	@Test
	void responseToAVersionTheServerLacksIsRefusedNamingIt() {
		HttpResponse<String> refused = post(markedPhq9Response().put("questionnaire", PHQ9 + "|9.9.9").toString());

		assertRefused(refused, 422);
		assertThat(operationOutcomeMessages(refused)).contains("This server holds other versions of the Questionnaire "
				+ PHQ9 + "|9.9.9 but not this one, so the answers cannot be checked");
		assertNothingStored("QuestionnaireResponse");
	}

	@Test
	void markedPhq9ResponseIsStoredWhenItFits() {
		// The control for the refusals above: the marker itself is no reason to refuse a response.
		assertThat(post(markedPhq9Response().toString()).statusCode()).isEqualTo(201);
		assertThat(storedWithMarker("QuestionnaireResponse")).isEqualTo(1);
	}

	private static UnaryOperator<ObjectNode> firstAnswerCode(String code) {
		return response -> {
			((ObjectNode) response.at("/item/0/item/0/answer/0/valueCoding")).put("code", code);
			return response;
		};
	}

	private ObjectNode markedPhq9Response() {
		ObjectNode response = example("QuestionnaireResponse-QuestionnaireResponsePhq9.json");
		response.remove("id");
		response.set("identifier", JSON.createObjectNode().put("system", MARKER_SYSTEM).put("value", unique));
		return response;
	}

	private String observationAbout(String subject) {
		return """
				{"resourceType":"Observation","identifier":[%s],"status":"final",
				 "code":{"coding":[{"system":"http://loinc.org","code":"44261-6"}]},
				 "subject":{"reference":"%s"},"valueInteger":7}""".formatted(marker(), subject);
	}

	private HttpResponse<String> post(String resource) {
		String type;
		try {
			type = JSON.readTree(resource).path("resourceType").asText();
		} catch (IOException e) {
			throw new IllegalArgumentException(resource, e);
		}
		return write("POST", "/fhir/" + type, FHIR_JSON, resource);
	}

	/** An example from the CaseBridge package, as the server loads it. */
	private static ObjectNode example(String file) {
		try (InputStream in = BadClinicalContentIT.class.getResourceAsStream("/fhir-package/example/" + file)) {
			return (ObjectNode) JSON.readTree(in);
		} catch (IOException e) {
			throw new IllegalStateException(file, e);
		}
	}
}
