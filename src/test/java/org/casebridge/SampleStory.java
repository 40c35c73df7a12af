package org.casebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;

/**
 * A story of {@code sample-bundles/} stored with the community directory, each as one transaction,
 * under an identifier system no earlier run used, so its conditional creates store everything anew.
 *
 * @param stored the ids the story's transaction stored, by resource type ({@code Goal/…})
 */
public record SampleStory(Map<String, List<String>> stored) {

	private static final Path SAMPLES = Path.of("sample-bundles");
	private static final String SAMPLE_SYSTEM = "http://casebridge.org/fhir/sid/sample";

	public static SampleStory store(FhirServerTestBase test, String file) {
		String system = SAMPLE_SYSTEM + "-" + UUID.randomUUID();
		post(test, "00-community-directory.json", system);
		Bundle response = post(test, file, system);
		return new SampleStory(response.getEntry().stream()
				.map(entry -> new IdType(entry.getResponse().getLocation()).toUnqualifiedVersionless())
				.collect(Collectors.groupingBy(IdType::getResourceType,
						Collectors.mapping(IdType::getValue, Collectors.toList()))));
	}

	/** The story's client. */
	public String patient() {
		return stored.get("Patient").get(0);
	}

	public List<String> ofType(String type) {
		return stored.getOrDefault(type, List.of());
	}

	private static Bundle post(FhirServerTestBase test, String file, String system) {
		try {
			HttpResponse<String> response = test.send(test.request("/fhir")
					.header("Content-Type", FhirServerTestBase.FHIR_JSON)
					.POST(BodyPublishers.ofString(Files.readString(SAMPLES.resolve(file)).replace(SAMPLE_SYSTEM, system)))
					.build());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return test.parse(response, Bundle.class);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
