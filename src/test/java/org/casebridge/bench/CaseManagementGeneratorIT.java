package org.casebridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.casebridge.FhirServerTestBase;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the benchmark's data generator: its bundles are valid and distinct per client,
 * the clients of a block share its case manager, and the caseload view composed from plain
 * searches finds them.
 */
class CaseManagementGeneratorIT extends FhirServerTestBase {

	@Test
	void everyProgramStoryLoadsAsANewClientOfItsBlocksCaseManager() throws Exception {
		CaseManagementGenerator generator = new CaseManagementGenerator(System.nanoTime());
		post(CaseManagementGenerator.directoryBundle());

		for (int client = 0; client < 4; client++) {
			JsonNode response = post(generator.clientBundle(client));

			assertThat(response.get("entry")).hasSize(generator.resourcesPerClient(client));
			// The block's Practitioner and PractitionerRole come first: created by the first client, found by the others.
			List<String> statuses = new ArrayList<>();
			response.get("entry").forEach(entry -> statuses.add(entry.path("response").path("status").asText().substring(0, 3)));
			assertThat(statuses.subList(0, 2)).containsOnly(client == 0 ? "201" : "200");
			assertThat(statuses.subList(2, statuses.size())).containsOnly("201");
		}
		post(generator.clientBundle(50));

		List<CaseloadBySearches.Client> caseload = view(generator, 0);
		assertThat(caseload).extracting(CaseloadBySearches.Client::program)
				.containsExactlyInAnyOrder("discharge-planning", "mental-health", "geriatric", "substance-use");
		assertThat(caseload).allSatisfy(client -> {
			assertThat(client.episode()).startsWith("EpisodeOfCare/");
			assertThat(client.carePlan()).startsWith("CarePlan/");
			assertThat(client.name()).isNotBlank();
		});
		// LACE 13: the discharge client's extracted readmission-risk need is a high-risk reason.
		assertThat(caseload).filteredOn(client -> client.program().equals("discharge-planning"))
				.singleElement().satisfies(client -> assertThat(client.highRisk()).isTrue());
		assertThat(view(generator, 50)).hasSize(1);
	}

	private List<CaseloadBySearches.Client> view(CaseManagementGenerator generator, int client) {
		FhirHttp fhir = new FhirHttp(baseUrl());
		String identifier = generator.caseManager(client).practitionerIdentifier();
		String practitioner = fhir.get("Practitioner?identifier=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8))
				.path("entry").path(0).path("resource").path("id").asText();
		return new CaseloadBySearches(fhir, ProgramTemplate.fromPackage(), LocalDate.now(ZoneOffset.UTC)).view(practitioner);
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
