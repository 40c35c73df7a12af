package org.casebridge.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each sample bundle loads into the running server as one transaction, every resource valid
 * against the profiles it declares, and loading it again duplicates nothing. The program bundles
 * refer to the community directory by conditional references, so it is loaded first.
 */
class SampleBundlesIT extends FhirServerTestBase {

	private static final Path SAMPLES = Path.of("sample-bundles");
	private static final Path DIRECTORY = SAMPLES.resolve("00-community-directory.json");

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

	private Bundle post(Path bundle) throws IOException {
		HttpResponse<String> response = send(request("/fhir")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(Files.readString(bundle)))
				.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(response, Bundle.class);
	}
}
