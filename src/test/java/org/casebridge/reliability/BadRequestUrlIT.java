package org.casebridge.reliability;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request URLs a client can get wrong: ids outside FHIR's id type ({@code [A-Za-z0-9\-\.]{1,64}},
 * R4 datatypes.html#id), URLs longer than any server reads, and operations or resource types the
 * server does not have. Each is answered with an OperationOutcome, never a servlet container's page.
 */
class BadRequestUrlIT extends BadInputTestBase {

	/** Ids as they appear in the URL path, percent-encoded where a client would have to. */
	@ParameterizedTest(name = "Patient/{0}")
	@ValueSource(strings = {"..", ".", "a%2Fb", "a%20b", "%C3%A9t%C3%A9",
		"a23456789012345678901234567890123456789012345678901234567890abcde"})
	void putWithAnIdFhirDoesNotAllowIsRefused(String idInUrl) {
		String id = URLDecoder.decode(idInUrl, StandardCharsets.UTF_8);
		String body = patient("\"id\":\"" + id + "\"");

		assertRefused(write("PUT", "/fhir/Patient/" + idInUrl, FHIR_JSON, body), 400);
		assertNothingStored("Patient");
	}

	@Test
	void putWhoseBodyIdDiffersFromTheUrlIdIsRefused() {
		String body = patient("\"id\":\"body-" + unique + "\"");

		assertRefused(write("PUT", "/fhir/Patient/url-" + unique, FHIR_JSON, body), 400);
		assertNothingStored("Patient");
	}

	@Test
	void urlLongerThanEightKilobytesIsRefusedWithAnOperationOutcome() {
		assertRefused(get("/fhir/Patient?name=" + "a".repeat(10_000)), 400, 414);
	}

	static Stream<Arguments> requestsForWhatTheServerDoesNotHave() {
		return Stream.of(
				Arguments.of("GET", "/fhir/Patient/$nope"),
				Arguments.of("POST", "/fhir/Patient/$nope"),
				Arguments.of("GET", "/fhir/$nope"),
				Arguments.of("POST", "/fhir/$nope"),
				Arguments.of("GET", "/fhir/Patient/some-id/$nope"),
				Arguments.of("GET", "/fhir/Nope"),
				Arguments.of("GET", "/fhir/Nope/1"),
				Arguments.of("POST", "/fhir/Nope"),
				Arguments.of("DELETE", "/fhir/metadata"),
				Arguments.of("PUT", "/fhir/metadata"));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("requestsForWhatTheServerDoesNotHave")
	void requestForWhatTheServerDoesNotHaveIsRefused(String method, String path) {
		String body = method.equals("POST") || method.equals("PUT") ? "{\"resourceType\":\"Parameters\"}" : "";

		assertRefused(write(method, path, FHIR_JSON, body), 400, 404, 405);
	}
}
