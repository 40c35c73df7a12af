package org.casebridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.casebridge.FhirServerTestBase;
import org.junit.jupiter.api.Test;

/** A smoke run of the benchmark's data generator: its bundles are valid and distinct per client. */
class CaseManagementGeneratorIT extends FhirServerTestBase {

	@Test
	void everyProgramStoryLoadsAsANewClient() throws Exception {
		CaseManagementGenerator generator = new CaseManagementGenerator(System.nanoTime());
		post(CaseManagementGenerator.directoryBundle());

		for (int client = 0; client < 4; client++) {
			JsonNode response = post(generator.clientBundle(client));

			assertThat(response.get("entry")).hasSize(generator.resourcesPerClient(client));
			assertThat(response.get("entry")).allSatisfy(entry ->
					assertThat(entry.path("response").path("status").asText()).startsWith("201"));
		}
	}

	private JsonNode post(String bundle) throws Exception {
		HttpResponse<String> response = send(request("/fhir")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(bundle))
				.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return FhirHttp.JSON.readTree(response.body());
	}
}
