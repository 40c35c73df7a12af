package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Ten EHR feeds send the same client at once: exactly one Patient may come of it. */
class ConditionalCreateConcurrencyIT extends FhirServerTestBase {

	private static final int THREADS = 10;
	private static final String MRN = "http://hospital.example/mrn";

	@Test
	void parallelConditionalCreatesStoreExactlyOneResource() throws Exception {
		String body = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"" + MRN + "\",\"value\":\""
				+ unique + "\"}],\"name\":[{\"family\":\"Moreau\"}]}";
		HttpRequest conditionalCreate = request("/fhir/Patient")
				.header("Content-Type", FHIR_JSON)
				.header("If-None-Exist", "identifier=" + MRN + "|" + unique)
				.POST(BodyPublishers.ofString(body))
				.build();

		CountDownLatch start = new CountDownLatch(1);
		Callable<HttpResponse<String>> send = () -> {
			start.await();
			return send(conditionalCreate);
		};
		List<HttpResponse<String>> responses;
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<HttpResponse<String>>> futures =
					IntStream.range(0, THREADS).mapToObj(i -> pool.submit(send)).toList();
			start.countDown();
			responses = futures.stream().map(ConditionalCreateConcurrencyIT::await).toList();
		} finally {
			pool.shutdownNow();
		}

		assertThat(responses).extracting(HttpResponse::statusCode).allMatch(status -> status == 200 || status == 201);
		assertThat(responses).filteredOn(response -> response.statusCode() == 201).hasSize(1);
		assertThat(responses).extracting(response -> parse(response, Patient.class).getIdElement().getIdPart())
				.containsOnly(parse(responses.get(0), Patient.class).getIdElement().getIdPart());

		Bundle stored = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MRN, unique))
				.returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).hasSize(1);
	}

	private static <T> T await(Future<T> future) {
		try {
			return future.get();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
