package org.casebridge.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Search parameters a client can get wrong or abuse (FHIR R4 search.html): values that look like
 * SQL, absurd page sizes, sorts, includes and chains. The server answers each with a correct
 * result or a 400, quickly, and never with a server error. Searches are narrowed to this test's
 * one marked Patient, so a correct result is known.
 */
class BadSearchIT extends BadInputTestBase {

	/** Bad input must not hold a worker: a search that is refused is refused at once. */
	private static final Duration PROMPTLY = Duration.ofSeconds(5);
	private static final ObjectMapper JSON = new ObjectMapper();

	@BeforeEach
	void storeTheMarkedPatient() {
		assertThat(write("POST", "/fhir/Patient", FHIR_JSON, patient("\"birthDate\":\"1980-04-02\"")).statusCode())
				.isEqualTo(201);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"name=' OR 1=1--", "name=%00", "name=Rivera%00' OR 1=1--",
		"name=Rivera'; DROP TABLE Patient;--", "_id=1;DROP TABLE Patient", "_id=1' OR '1'='1",
		"name:exact=' OR ''='"})
	void valueThatLooksLikeSqlFindsNothingOrIsRefused(String parameter) {
		String[] nameAndValue = parameter.split("=", 2);
		String value = URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8);

		HttpResponse<String> response = searchMarked(nameAndValue[0] + "=" + encode(value));

		assertAnsweredOrRefused(response, 0);
	}

	@ParameterizedTest(name = "_count={0}")
	@ValueSource(strings = {"-1", "0", "99999999", "abc", "1.5"})
	void absurdCountIsAnsweredOrRefused(String count) {
		HttpResponse<String> response = searchMarked("_count=" + encode(count));

		if (response.statusCode() == 200) {
			assertThat(bundle(response).path("total").asInt(1)).as(response.body()).isEqualTo(1);
		} else {
			assertRefused(response, 400);
		}
	}

	@Test
	void sortByAHundredKeysIsRefusedPromptlyNamingTheLimit() {
		List<String> keys = List.of("family", "given", "birthdate", "gender", "_lastUpdated", "_id", "address",
				"telecom", "identifier", "name");
		String sort = IntStream.range(0, 100)
				.mapToObj(i -> (i % 2 == 0 ? "" : "-") + keys.get(i % keys.size()))
				.collect(Collectors.joining(","));

		// Over every stored Patient, as a careless client would send it: the refusal must not depend on a narrow search.
		HttpResponse<String> response = sendWithin(PROMPTLY, fhirRequest("/fhir/Patient?_sort=" + sort).GET());

		assertRefused(response, 400);
		assertThat(operationOutcomeMessages(response)).contains("_sort").containsPattern("\\b\\d+\\b");
	}

	@Test
	void sortByAnUnknownParameterIsRefused() {
		assertRefused(searchMarked("_sort=no-such-parameter"), 400);
	}

	@Test
	void emptySortIsIgnoredOrRefused() {
		assertAnsweredOrRefused(searchMarked("_sort="), 1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"_include=*", "_revinclude=*", "_include=*&_revinclude=*", "_include:iterate=*",
		"_revinclude:iterate=*", "_include=Patient:nope", "_include=Nope:subject", "_include=Patient:organization"})
	void includeIsAnsweredOrRefusedPromptly(String include) {
		HttpResponse<String> response = sendWithin(PROMPTLY, fhirRequest(markedSearch(include)).GET());

		assertAnsweredOrRefused(response, 1);
	}

	@Test
	void fiftyIncludesAreAnsweredOrRefusedPromptly() {
		String includes = IntStream.range(0, 50)
				.mapToObj(i -> i % 2 == 0 ? "_include=Patient:general-practitioner" : "_revinclude=Observation:subject")
				.collect(Collectors.joining("&"));

		assertAnsweredOrRefused(sendWithin(PROMPTLY, fhirRequest(markedSearch(includes)).GET()), 1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {
		"/fhir/Observation?subject:Patient.organization.partOf.partOf.partOf.name=x",
		"/fhir/Observation?subject.organization.partOf.partOf.partOf.name=x",
		"/fhir/Patient?organization.partOf.partOf.partOf.partOf.partOf.partOf.partOf.name=x",
		"/fhir/Patient?general-practitioner:Practitioner.name=x&organization.partOf.partOf.partOf.partOf.name=y"})
	void deepChainIsAnsweredOrRefusedPromptly(String search) {
		HttpResponse<String> response = sendWithin(PROMPTLY, fhirRequest(search).GET());

		assertAnsweredOrRefused(response, 0);
	}

	@ParameterizedTest(name = "birthdate={0}")
	@ValueSource(strings = {"notadate", "2023-02-30", "2023-13-01", "ge", "1980-04-02T25:00"})
	void invalidDateIsRefused(String date) {
		assertRefused(searchMarked("birthdate=" + encode(date)), 400);
	}

	private String markedSearch(String query) {
		return "/fhir/Patient?identifier=" + encode(MARKER_SYSTEM + "|" + unique) + "&" + query;
	}

	private HttpResponse<String> searchMarked(String query) {
		return get(markedSearch(query));
	}

	/** Either a searchset whose matches are exactly {@code matches} resources, or a clean 400. */
	private void assertAnsweredOrRefused(HttpResponse<String> response, int matches) {
		if (response.statusCode() != 200) {
			assertRefused(response, 400);
			return;
		}
		JsonNode bundle = bundle(response);
		long found = bundle.path("entry").findValues("mode").stream().filter(mode -> mode.asText().equals("match")).count();
		assertThat(found).as(response.body()).isEqualTo(matches);
	}

	private static JsonNode bundle(HttpResponse<String> response) {
		try {
			JsonNode bundle = JSON.readTree(response.body());
			assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
			return bundle;
		} catch (IOException e) {
			throw new AssertionError("Not JSON: " + response.body(), e);
		}
	}
}
