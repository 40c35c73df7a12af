package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casebridge.conformance.PackageExamples.read;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A QuestionnaireResponse is checked against its Questionnaire on write: each kind of mistake is
 * refused with 422 and an issue naming the item's linkId and the rule, in a plain create and
 * inside a transaction. The PHQ-9 from the CaseBridge package serves as the instrument.
 */
class QuestionnaireResponseValidationIT extends FhirServerTestBase {

	private static final String PHQ9_RESPONSE = "QuestionnaireResponse-QuestionnaireResponsePhq9.json";

	@BeforeEach
	void storeWhatTheResponseRefersTo() {
		send(request("/fhir").header("Content-Type", FHIR_JSON).POST(BodyPublishers.ofString("""
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":%s,"request":{"method":"PUT","url":"Patient/PatientRivera"}},
				 {"resource":%s,"request":{"method":"PUT","url":"Practitioner/PractitionerCaseManager"}}]}
				""".formatted(read("Patient-PatientRivera.json"), read("Practitioner-PractitionerCaseManager.json"))))
				.build());
	}

	static Stream<Arguments> invalidResponses() {
		return Stream.of(
				Arguments.of("unknown linkId", edit(item -> item.put("linkId", "not-a-question")),
						"LinkId 'not-a-question' not found in questionnaire"),
				Arguments.of("required item missing from a completed response",
						(UnaryOperator<ObjectNode>) response -> {
							((ArrayNode) response.at("/item/0/item")).remove(8);
							return response;
						},
						"No response answer found for required item '44260-8'"),
				Arguments.of("answer of the wrong type", edit(item -> answers(item).removeAll().addObject().put("valueString", "often")),
						"(item linkId '44250-9')"),
				Arguments.of("answer not among the answer options",
						edit(item -> ((ObjectNode) item.at("/answer/0/valueCoding")).put("code", "LA9999-9")),
						"The code http://loinc.org::LA9999-9 is not in the set of permitted values (item linkId '44250-9')"),
				Arguments.of("two answers to a question that does not repeat",
						edit(item -> answers(item).add(item.at("/answer/0").deepCopy())),
						"Only one response answer item with this linkId allowed (item linkId '44250-9')"),
				Arguments.of("a question outside its group",
						(UnaryOperator<ObjectNode>) response -> {
							ObjectNode moved = (ObjectNode) ((ArrayNode) response.at("/item/0/item")).remove(0);
							((ArrayNode) response.get("item")).add(moved);
							return response;
						},
						"item with linkid 44250-9 is in the wrong place"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidResponses")
	void invalidResponseIsRefusedNamingTheItem(String mistake, UnaryOperator<ObjectNode> breakIt, String expected) {
		ObjectNode response = breakIt.apply(phq9Response());

		assertRefused(post("/fhir/QuestionnaireResponse", response.toString()), expected);
	}

	@Test
	void invalidResponseInATransactionIsRefusedToo() {
		ObjectNode response = edit(item -> item.put("linkId", "not-a-question")).apply(phq9Response());
		String transaction = """
				{"resourceType":"Bundle","type":"transaction","entry":[
				 {"resource":%s,"request":{"method":"POST","url":"QuestionnaireResponse"}}]}""".formatted(response);

		assertRefused(post("/fhir", transaction), "LinkId 'not-a-question' not found in questionnaire");
	}

	@Test
	void inProgressResponsesMayBeIncompleteButNotWrong() {
		ObjectNode incomplete = phq9Response().put("status", "in-progress");
		((ArrayNode) incomplete.at("/item/0/item")).remove(8);
		ObjectNode wrong = edit(item -> item.put("linkId", "not-a-question")).apply(phq9Response().put("status", "in-progress"));

		assertThat(post("/fhir/QuestionnaireResponse", incomplete.toString()).statusCode()).isEqualTo(201);
		assertRefused(post("/fhir/QuestionnaireResponse", wrong.toString()), "LinkId 'not-a-question' not found");
	}

	@Test
	void anAnswerToADisabledQuestionIsRefused() {
		String questionnaireUrl = "http://casebridge.org/fhir/test/Questionnaire/" + unique;
		assertThat(post("/fhir/Questionnaire", """
				{"resourceType":"Questionnaire","url":"%s","status":"active","item":[
				 {"linkId":"housed","text":"Do you have a place to live?","type":"boolean","required":true},
				 {"linkId":"where","text":"Where are you staying?","type":"string",
				  "enableWhen":[{"question":"housed","operator":"=","answerBoolean":false}]}]}
				""".formatted(questionnaireUrl)).statusCode()).isEqualTo(201);

		HttpResponse<String> response = post("/fhir/QuestionnaireResponse", """
				{"resourceType":"QuestionnaireResponse","questionnaire":"%s","status":"completed",
				 "item":[{"linkId":"housed","answer":[{"valueBoolean":true}]},
				         {"linkId":"where","answer":[{"valueString":"with my sister"}]}]}
				""".formatted(questionnaireUrl));

		assertRefused(response, "not enabled");
		assertThat(response.body()).contains("where");
	}

	private static ObjectNode phq9Response() {
		ObjectNode response = read(PHQ9_RESPONSE);
		response.remove("id");
		return response;
	}

	/** Applies a change to the first PHQ-9 question's item (linkId 44250-9). */
	private static UnaryOperator<ObjectNode> edit(java.util.function.Consumer<ObjectNode> change) {
		return response -> {
			change.accept((ObjectNode) response.at("/item/0/item/0"));
			return response;
		};
	}

	private static ArrayNode answers(ObjectNode item) {
		return (ArrayNode) item.get("answer");
	}

	private HttpResponse<String> post(String path, String body) {
		return send(request(path).header("Content-Type", FHIR_JSON).POST(BodyPublishers.ofString(body)).build());
	}

	private void assertRefused(HttpResponse<String> response, String expected) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(parse(response, OperationOutcome.class).getIssue())
				.anySatisfy(issue -> assertThat(issue.getDiagnostics()).contains(expected));
	}
}
