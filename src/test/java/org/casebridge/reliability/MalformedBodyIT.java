package org.casebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request bodies a FHIR server must refuse before storing anything: unparseable JSON and XML,
 * a Content-Type that is not FHIR, bytes that are not UTF-8, nesting and sizes no client needs
 * (FHIR R4 http.html#mime-type, json.html, xml.html).
 */
class MalformedBodyIT extends BadInputTestBase {

	private static final String XML = "application/fhir+xml";

	static Stream<Arguments> unparseableBodies() {
		return Stream.of(
				body("truncated JSON", FHIR_JSON, test -> test.patient("").substring(0, test.patient("").length() - 12)),
				body("JSON with an unquoted value", FHIR_JSON, test -> test.patient("\"gender\":male")),
				body("JSON with trailing garbage", FHIR_JSON, test -> test.patient("") + "}]}"),
				body("a JSON array instead of a resource", FHIR_JSON, test -> "[" + test.patient("") + "]"),
				body("JSON naming no resourceType", FHIR_JSON,
						test -> test.patient("").replace("\"resourceType\":\"Patient\",", "")),
				body("an empty body", FHIR_JSON, test -> ""),
				body("truncated XML", XML, test -> test.xmlPatient() + "<name><family value=\"Rivera\"/>"),
				body("XML with mismatched tags", XML,
						test -> test.xmlPatient() + "<name><family value=\"Rivera\"/></given></Patient>"),
				body("XML outside the FHIR namespace", XML,
						test -> test.xmlPatient().replace(" xmlns=\"http://hl7.org/fhir\"", "") + "</Patient>"),
				body("JSON sent as XML", XML, test -> test.patient("")));
	}

	private static Arguments body(String kind, String contentType, Function<MalformedBodyIT, String> body) {
		return Arguments.of(kind, contentType, body);
	}

	/** The opening of a Patient in XML with this test's marker, its end left to the caller. */
	String xmlPatient() {
		return "<Patient xmlns=\"http://hl7.org/fhir\"><identifier><system value=\"" + MARKER_SYSTEM
				+ "\"/><value value=\"" + unique + "\"/></identifier>";
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unparseableBodies")
	void unparseableBodyIsRefused(String kind, String contentType, Function<MalformedBodyIT, String> body) {
		assertRefused(write("POST", "/fhir/Patient", contentType, body.apply(this)), 400);
		assertNothingStored("Patient");
	}

	@ParameterizedTest
	@ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/octet-stream"})
	void bodyThatIsNotFhirByContentTypeIsRefused(String contentType) {
		assertRefused(write("POST", "/fhir/Patient", contentType, patient("")), 400, 415);
		assertNothingStored("Patient");
	}

	@Test
	void bodyThatIsNotUtf8IsRefused() {
		String[] aroundTheName = patient("").split("Rivera");
		ByteArrayOutputStream broken = new ByteArrayOutputStream();
		broken.writeBytes(aroundTheName[0].getBytes(StandardCharsets.UTF_8));
		// 0xC3 is a UTF-8 lead byte; 0x28 ("(") cannot continue it.
		broken.writeBytes(new byte[] {'R', 'i', 'v', (byte) 0xC3, 0x28});
		broken.writeBytes(aroundTheName[1].getBytes(StandardCharsets.UTF_8));

		assertRefused(writeBytes("POST", "/fhir/Patient", FHIR_JSON + ";charset=utf-8", broken.toByteArray()), 400);
		assertNothingStored("Patient");
	}

	@ParameterizedTest(name = "{0} levels")
	@ValueSource(ints = {127, 200, 490, 5000})
	void deeplyNestedExtensionsAreRefused(int depth) {
		String leaf = "{\"url\":\"http://casebridge.org/fhir/test/nested\",\"valueString\":\"leaf\"}";
		String nested = leaf;
		for (int level = 1; level < depth; level++) {
			nested = "{\"url\":\"http://casebridge.org/fhir/test/nested\",\"extension\":[" + nested + "]}";
		}

		assertRefused(write("POST", "/fhir/Patient", FHIR_JSON, patient("\"extension\":[" + nested + "]")), 400);
		assertNothingStored("Patient");
	}

	@Test
	void bodyOverTheSizeLimitIsRefusedNamingTheLimit() {
		String thirtyMegabytes = "x".repeat(30 * 1024 * 1024);

		HttpResponse<String> response = sendWithin(Duration.ofSeconds(30), fhirRequest("/fhir/Patient")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(patient("\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">"
						+ thirtyMegabytes + "</div>\"}"))));

		assertRefused(response, 413);
		assertThat(operationOutcomeMessages(response)).containsPattern("\\d+\\s*(bytes|[KMG]i?B)");
		assertNothingStored("Patient");
	}

	@Test
	void resourceWithTwoHundredThousandNamesIsRefusedQuickly() {
		StringBuilder names = new StringBuilder("\"name\":[");
		for (int i = 0; i < 200_000; i++) {
			names.append(i == 0 ? "" : ",").append("{\"family\":\"Family").append(i).append("\",\"given\":[\"G\"]}");
		}
		String body = patient("").replace("\"name\":[{\"family\":\"Rivera\"}]", names + "]");

		HttpResponse<String> response = sendWithin(Duration.ofSeconds(10),
				fhirRequest("/fhir/Patient").header("Content-Type", FHIR_JSON).POST(BodyPublishers.ofString(body)));

		assertRefused(response, 400, 413);
		assertNothingStored("Patient");
	}

	@Test
	void hugeArrayOfEmptyElementsIsRefusedQuickly() {
		// Every FHIR element must have a value or children (ele-1); half a million empty ones is no record.
		String empties = "{}," .repeat(500_000) + "{}";

		HttpResponse<String> response = sendWithin(Duration.ofSeconds(10), fhirRequest("/fhir/Patient")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(patient("\"telecom\":[" + empties + "]"))));

		assertRefused(response, 400, 413, 422);
		assertNothingStored("Patient");
	}
}
