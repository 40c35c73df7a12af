package org.casebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writes that depend on what is stored: version-aware updates and deletes with a malformed or
 * stale {@code If-Match} (FHIR R4 http.html#concurrency), and patches that cannot apply (JSON
 * Patch, RFC 6902; FHIRPath Patch, fhirpatch.html). Each is refused and the stored Patient is
 * left exactly as it was: still version 1, still readable.
 */
class BadConditionalWriteIT extends BadInputTestBase {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String JSON_PATCH = "application/json-patch+json";

	private String patientPath;

	@BeforeEach
	void storeThePatient() throws IOException {
		HttpResponse<String> created = write("POST", "/fhir/Patient", FHIR_JSON, patient("\"gender\":\"female\""));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		patientPath = "/fhir/Patient/" + JSON.readTree(created.body()).path("id").asText();
	}

	@ParameterizedTest(name = "{0} with If-Match: {1}")
	@CsvSource(delimiter = '|', value = {
		"PUT | garbage", "PUT | W/\"abc\"", "PUT | \"1", "PUT | W/", "DELETE | garbage", "DELETE | W/\"abc\"",
		"DELETE | \"1", "DELETE | W/"})
	void malformedIfMatchIsRefused(String method, String ifMatch) {
		assertRefused(versionAware(method, ifMatch), 400);
		assertUnchanged();
	}

	@ParameterizedTest(name = "{0} with If-Match: {1}")
	@CsvSource(delimiter = '|', value = {"PUT | W/\"999\"", "DELETE | W/\"999\"", "PUT | W/\"0\"", "DELETE | W/\"0\""})
	void staleIfMatchIsRefused(String method, String ifMatch) {
		assertRefused(versionAware(method, ifMatch), 409, 412);
		assertUnchanged();
	}

	static Stream<Arguments> patchesThatCannotApply() {
		return Stream.of(
				Arguments.of("JSON Patch with an unknown op", JSON_PATCH,
						"[{\"op\":\"nope\",\"path\":\"/gender\",\"value\":\"male\"}]"),
				Arguments.of("JSON Patch with a path to nothing", JSON_PATCH,
						"[{\"op\":\"replace\",\"path\":\"/nope/0/value\",\"value\":\"x\"}]"),
				Arguments.of("JSON Patch that is not an array", JSON_PATCH, "{\"op\":\"remove\",\"path\":\"/gender\"}"),
				Arguments.of("JSON Patch that is not JSON", JSON_PATCH, "[{\"op\":"),
				Arguments.of("JSON Patch making the Patient invalid", JSON_PATCH,
						"[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"sometimes\"}]"),
				Arguments.of("FHIRPath Patch with a value of the wrong type", FHIR_JSON, fhirPathPatch(
						"replace", "Patient.birthDate", "{\"name\":\"value\",\"valueHumanName\":{\"family\":\"x\"}}")),
				Arguments.of("FHIRPath Patch setting a code outside its value set", FHIR_JSON, fhirPathPatch(
						"replace", "Patient.gender", "{\"name\":\"value\",\"valueCode\":\"sometimes\"}")),
				Arguments.of("FHIRPath Patch with a path that is not FHIRPath", FHIR_JSON, fhirPathPatch(
						"replace", "Patient.((gender", "{\"name\":\"value\",\"valueCode\":\"male\"}")),
				Arguments.of("FHIRPath Patch with an unknown operation type", FHIR_JSON, fhirPathPatch(
						"nope", "Patient.gender", "{\"name\":\"value\",\"valueCode\":\"male\"}")),
				Arguments.of("FHIRPath Patch body that is a Patient, not Parameters", FHIR_JSON,
						"{\"resourceType\":\"Patient\",\"gender\":\"male\"}"),
				Arguments.of("patch with a Content-Type that is no patch format", "text/plain",
						"[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("patchesThatCannotApply")
	void patchThatCannotApplyIsRefused(String kind, String contentType, String patch) {
		assertRefused(write("PATCH", patientPath, contentType, patch), 400, 415, 422);
		assertUnchanged();
	}

	private static String fhirPathPatch(String type, String path, String value) {
		return """
				{"resourceType":"Parameters","parameter":[{"name":"operation","part":[
				 {"name":"type","valueCode":"%s"},{"name":"path","valueString":"%s"},%s]}]}"""
				.formatted(type, path, value);
	}

	private HttpResponse<String> versionAware(String method, String ifMatch) {
		String body = method.equals("PUT")
				? patient("\"id\":\"" + patientPath.substring(patientPath.lastIndexOf('/') + 1) + "\",\"gender\":\"male\"")
				: "";
		return send(fhirRequest(patientPath).header("Content-Type", FHIR_JSON).header("If-Match", ifMatch)
				.method(method, BodyPublishers.ofString(body)).build());
	}

	private void assertUnchanged() {
		HttpResponse<String> read = get(patientPath);
		assertThat(read.statusCode()).as("read after the refused write: " + read.body()).isEqualTo(200);
		try {
			JsonNode patient = JSON.readTree(read.body());
			assertThat(patient.at("/meta/versionId").asText()).isEqualTo("1");
			assertThat(patient.path("gender").asText()).isEqualTo("female");
		} catch (IOException e) {
			throw new AssertionError(read.body(), e);
		}
	}
}
