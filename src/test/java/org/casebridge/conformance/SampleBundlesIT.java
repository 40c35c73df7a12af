package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample bundle loads into the running server as one transaction, every resource valid
 * against the profiles it declares, and loading it again duplicates nothing. The program bundles
 * refer to the community directory by conditional references, so it is loaded first. The stories'
 * assessments are scored by the server as it stores them, to the totals the published forms give
 * for the stories' answers.
 */
class SampleBundlesIT extends FhirServerTestBase {

	private static final Path SAMPLES = Path.of("sample-bundles");
	private static final Path DIRECTORY = SAMPLES.resolve("00-community-directory.json");

	/** Per program story: each assessment's score code and the total its answers add up to. */
	private static final Map<String, Map<String, Integer>> STORY_SCORES = Map.of(
			"10-discharge-planning.json", Map.of("lace-total", 13, "95614-4", 4),
			"20-mental-health.json", Map.of("44261-6", 16, "70274-6", 12),
			"30-geriatric.json", Map.of("katz-total", 4, "lawton-total", 3),
			"40-substance-use.json", Map.of("75626-2", 6, "dast10-total", 7, "95614-4", 4));

	static Stream<Path> sampleBundles() throws IOException {
		try (Stream<Path> files = Files.list(SAMPLES)) {
			List<Path> sorted = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
			return sorted.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sampleBundles")
	void loadsAsOneTransactionAndReloadsWithoutDuplicates(Path sample) throws IOException {
		post(DIRECTORY);

		Bundle first = post(sample);
		Bundle second = post(sample);

		assertThat(first.getEntry()).isNotEmpty()
				.allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).matches("20[01].*"));
		assertThat(second.getEntry()).hasSameSizeAs(first.getEntry())
				.allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("200"));
		assertThat(second.getEntry()).extracting(entry -> entry.getResponse().getLocation().replaceAll("/_history/.*", ""))
				.containsExactlyElementsOf(first.getEntry().stream()
						.map(entry -> entry.getResponse().getLocation().replaceAll("/_history/.*", "")).toList());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sampleBundles")
	void theStorysAssessmentsAreScoredAsItsAnswersAddUp(Path sample) throws IOException {
		// Fresh identifiers: a story stored by an earlier run would match its conditional creates.
		String system = "http://casebridge.org/fhir/sid/sample";
		post(Files.readString(DIRECTORY).replace(system, system + "-" + unique));
		Bundle stored = post(Files.readString(sample).replace(system, system + "-" + unique));

		Map<String, Integer> scores = new HashMap<>();
		stored.getEntry().stream()
				.map(entry -> new IdType(entry.getResponse().getLocation()).toUnqualifiedVersionless())
				.filter(id -> id.getResourceType().equals("QuestionnaireResponse"))
				.flatMap(response -> client.search().byUrl("Observation?derived-from=" + response.getValue())
						.returnBundle(Bundle.class).execute().getEntry().stream())
				.map(entry -> (Observation) entry.getResource())
				.filter(Observation::hasValueIntegerType)
				.forEach(score -> scores.put(score.getCode().getCodingFirstRep().getCode(), score.getValueIntegerType().getValue()));
		assertThat(scores).isEqualTo(STORY_SCORES.getOrDefault(sample.getFileName().toString(), Map.of()));
	}

	private Bundle post(Path bundle) throws IOException {
		return post(Files.readString(bundle));
	}

	private Bundle post(String bundle) {
		HttpResponse<String> response = send(request("/fhir")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(bundle))
				.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(response, Bundle.class);
	}
}
