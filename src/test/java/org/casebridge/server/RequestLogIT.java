package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class RequestLogIT extends FhirServerTestBase {

	@Test
	void logsEachRequestWithoutBodiesQueriesOrClientErrorsThatQuotePhi(CapturedOutput output) {
		String family = "Phi" + unique.replace("-", "");
		Patient patient = new Patient();
		patient.addName().setFamily(family);
		patient.addIdentifier().setSystem("http://hospital.example/mrn").setValue(unique);
		String id = client.create().resource(patient).execute().getId().getIdPart();
		client.search().forResource(Patient.class).where(Patient.FAMILY.matches().value(family)).execute();
		// A client error whose message quotes the submitted value.
		send(request("/fhir/Patient?birthdate=" + family).GET().build());
		send(request("/fhir/Patient/" + id).header("Content-Type", FHIR_JSON)
				.PUT(BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"id\":\"other\",\"name\":[{\"family\":\""
						+ family + "\"}]}"))
				.build());

		// Values the parser cannot read: none may reach the log.
		send(request("/fhir/Patient").header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString("{\"resourceType\":\"Patient\",\"gender\":\"" + family + "\",\"birthDate\":\"" + family + "\"}"))
				.build());

		// A profile violation, whose message quotes the offending value.
		send(request("/fhir/EpisodeOfCare").header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString("{\"resourceType\":\"EpisodeOfCare\",\"meta\":{\"profile\":"
						+ "[\"http://casebridge.org/fhir/StructureDefinition/cb-episode\"]},\"status\":\"active\","
						+ "\"type\":[{\"coding\":[{\"system\":\"http://casebridge.org/fhir/CodeSystem/cb-program\","
						+ "\"code\":\"" + family + "\"}]}],\"patient\":{\"reference\":\"Patient/" + id + "\"},"
						+ "\"period\":{\"start\":\"2026-11-01\"}}"))
				.build());

		awaitLine(output, "POST CREATE EpisodeOfCare -> 422");
		assertThat(output.getOut()).contains("POST CREATE Patient -> 201", "GET SEARCH_TYPE Patient -> 200",
				"GET SEARCH_TYPE Patient -> 400", "PUT UPDATE Patient/" + id + " -> 400");
		assertThat(output.getAll()).doesNotContain(family).doesNotContain(unique);
	}

	@Test
	void conflictsAndRefusedSortsAndPatchesLeaveNoPhiInTheLog(CapturedOutput output) throws Exception {
		String family = "Phi" + unique.replace("-", "");
		String patient = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"http://hospital.example/mrn\","
				+ "\"value\":\"" + unique + "\"}],\"name\":[{\"family\":\"" + family + "\"}]}";
		// Racing conditional creates: the losers' unique-index violation used to be logged with the row's values.
		HttpRequest conditionalCreate = request("/fhir/Patient").header("Content-Type", FHIR_JSON)
				.header("If-None-Exist", "identifier=http://hospital.example/mrn|" + unique)
				.POST(BodyPublishers.ofString(patient)).build();
		List<CompletableFuture<HttpResponse<String>>> racing = IntStream.range(0, 6)
				.mapToObj(i -> http.sendAsync(conditionalCreate, HttpResponse.BodyHandlers.ofString())).toList();
		String id = parse(racing.get(0).get(), Patient.class).getIdElement().getIdPart();
		for (CompletableFuture<HttpResponse<String>> response : racing) {
			assertThat(response.get().statusCode()).isIn(200, 201);
		}

		send(request("/fhir/Patient?_sort=" + family).GET().build());
		send(request("/fhir/Patient/" + id).header("Content-Type", FHIR_JSON)
				.method("PATCH", BodyPublishers.ofString("{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"operation\","
						+ "\"part\":[{\"name\":\"type\",\"valueCode\":\"replace\"},{\"name\":\"path\",\"valueString\":\"Patient.gender\"},"
						+ "{\"name\":\"value\",\"valueCode\":\"" + family + "\"}]}]}"))
				.build());
		send(request("/fhir/Patient/" + id).header("Content-Type", FHIR_JSON).header("If-Match", "W/\"99\"")
				.PUT(BodyPublishers.ofString(patient.replace("{\"resourceType\":\"Patient\",", "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\","))).build());

		awaitLine(output, "PUT UPDATE Patient/" + id + "/_history/99 -> 409");
		assertThat(output.getOut()).contains("GET SEARCH_TYPE Patient -> 400", "PATCH PATCH Patient/" + id + " -> 400");
		assertThat(output.getAll()).doesNotContain(family).doesNotContain(unique);
	}

	/** The log line is written after the response is sent, so it may trail the client a little. */
	private static void awaitLine(CapturedOutput output, String line) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (!output.getOut().contains(line) && Instant.now().isBefore(deadline)) {
			Thread.onSpinWait();
		}
		assertThat(output.getOut()).contains(line);
	}
}
