package org.casebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.casebridge.FhirServerTestBase;

/**
 * What every refusal of bad input must look like to a client: the right 4xx, an OperationOutcome
 * in JSON whose messages give away nothing of the server's insides, nothing stored, and a server
 * that still answers. Bodies carry an identifier with this test's unique value, so "nothing
 * stored" is a search for it.
 */
abstract class BadInputTestBase extends FhirServerTestBase {

	static final String MARKER_SYSTEM = "http://casebridge.org/fhir/test/bad-input";

	/** Java packages, parser and framework names, exception classes and SQL: none belongs in a message to a client. */
	private static final Pattern INTERNALS = Pattern.compile(
			"(?i:com\\.fasterxml|com\\.google\\.gson|com\\.github|jackson|org\\.springframework|org\\.hibernate|org\\.apache"
					+ "|org\\.postgresql|java\\.lang|java\\.io|java\\.util|javax?\\.xml|jakarta\\.|ca\\.uhn|org\\.hl7\\.fhir\\."
					+ "|Pointcut|SQLState|hfj_)"
					+ "|\\b[A-Z]\\w*(Exception|Error)\\b"
					+ "|\\b(SELECT|INSERT INTO|DELETE FROM|UPDATE)\\b.*\\b(FROM|WHERE|SET|VALUES)\\b");

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
	private static final ObjectMapper JSON = new ObjectMapper();

	/** The identifier every stored-or-not resource of this test carries, as JSON. */
	String marker() {
		return "{\"system\":\"" + MARKER_SYSTEM + "\",\"value\":\"" + unique + "\"}";
	}

	/** A client Patient with this test's marker; {@code more} is spliced in as further elements. */
	String patient(String more) {
		return "{\"resourceType\":\"Patient\",\"identifier\":[" + marker() + "],\"name\":[{\"family\":\"Rivera\"}]"
				+ (more.isEmpty() ? "" : "," + more) + "}";
	}

	HttpRequest.Builder fhirRequest(String path) {
		return request(path).header("Accept", FHIR_JSON).timeout(DEFAULT_TIMEOUT);
	}

	HttpResponse<String> get(String path) {
		return send(fhirRequest(path).GET().build());
	}

	HttpResponse<String> write(String method, String path, String contentType, String body) {
		return writeBytes(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> writeBytes(String method, String path, String contentType, byte[] body) {
		return send(fhirRequest(path).header("Content-Type", contentType)
				.method(method, BodyPublishers.ofByteArray(body)).build());
	}

	/** Sends and fails the test if the answer takes longer than {@code limit}: bad input must not hold the server. */
	HttpResponse<String> sendWithin(Duration limit, HttpRequest.Builder request) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request.timeout(limit).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to answer").isLessThanOrEqualTo(limit);
			return response;
		} catch (HttpTimeoutException e) {
			return fail("No answer within " + limit);
		} catch (IOException e) {
			return fail("Request failed: " + e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return fail("Interrupted");
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * The response is one of the expected 4xx statuses with a JSON OperationOutcome whose messages
	 * name no internals, and the server still serves its CapabilityStatement afterwards.
	 */
	void assertRefused(HttpResponse<String> response, Integer... statuses) {
		String summary = response.statusCode() + " " + abbreviate(response.body());
		assertThat(response.statusCode()).as(summary).isIn(Arrays.asList(statuses));
		assertThat(response.headers().firstValue("Content-Type")).as(summary).hasValueSatisfying(
				type -> assertThat(type).contains("json"));
		assertThat(operationOutcomeMessages(response)).as(summary).doesNotContainPattern(INTERNALS);
		assertHealthy();
	}

	/** The body is an OperationOutcome; returns its issues' diagnostics and details, one per line. */
	String operationOutcomeMessages(HttpResponse<String> response) {
		JsonNode body;
		try {
			body = JSON.readTree(response.body());
		} catch (IOException e) {
			return fail("Not JSON: " + abbreviate(response.body()));
		}
		assertThat(body.path("resourceType").asText()).as(abbreviate(response.body())).isEqualTo("OperationOutcome");
		return String.join("\n", StreamSupport.stream(body.path("issue").spliterator(), false)
				.map(issue -> issue.path("diagnostics").asText() + " " + issue.path("details").path("text").asText())
				.toList());
	}

	void assertHealthy() {
		assertThat(sendWithin(Duration.ofSeconds(30), fhirRequest("/fhir/metadata").GET()).statusCode())
				.as("GET /fhir/metadata after the bad input").isEqualTo(200);
	}

	/** No resource of the type carries this test's marker. */
	void assertNothingStored(String resourceType) {
		assertThat(storedWithMarker(resourceType)).as(resourceType + " stored with this test's marker").isZero();
	}

	int storedWithMarker(String resourceType) {
		HttpResponse<String> response = get("/fhir/" + resourceType + "?_summary=count&identifier="
				+ encode(MARKER_SYSTEM + "|" + unique));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		try {
			return JSON.readTree(response.body()).path("total").asInt();
		} catch (IOException e) {
			return fail("Not JSON: " + abbreviate(response.body()));
		}
	}

	private static String abbreviate(String body) {
		return body.length() <= 2000 ? body : body.substring(0, 2000) + "…";
	}
}
