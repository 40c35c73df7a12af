package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** Ten EHR feeds send the same client at once, alone or in a transaction: exactly one Patient may come of it. */
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

		List<HttpResponse<String>> responses = sendAtOnce(conditionalCreate);

		assertThat(responses).extracting(HttpResponse::statusCode).allMatch(status -> status == 200 || status == 201);
		assertThat(responses).filteredOn(response -> response.statusCode() == 201).hasSize(1);
		assertThat(responses).extracting(response -> parse(response, Patient.class).getIdElement().getIdPart())
				.containsOnly(parse(responses.get(0), Patient.class).getIdElement().getIdPart());

		Bundle stored = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MRN, unique))
				.returnBundle(Bundle.class).execute();
		assertThat(stored.getEntry()).hasSize(1);
	}

	@Test
	void parallelTransactionsWithTheSameConditionalCreateShareOnePatient() {
		HttpRequest transaction = request("/fhir")
				.header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(clientWithGoal()))
				.build();

		List<HttpResponse<String>> responses = sendAtOnce(transaction);

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(200);
		Bundle patients = client.search().forResource(Patient.class)
				.where(Patient.IDENTIFIER.exactly().systemAndIdentifier(MRN, unique))
				.returnBundle(Bundle.class).execute();
		assertThat(patients.getEntry()).hasSize(1);
		String patientId = patients.getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
		Bundle goals = client.search().forResource(Goal.class)
				.where(Goal.SUBJECT.hasId(patientId))
				.returnBundle(Bundle.class).execute();
		assertThat(goals.getEntry()).as("each transaction's Goal, all about the one Patient").hasSize(THREADS);
	}

	/** A transaction that creates the client unless their MRN is known, and a Goal about them either way. */
	private String clientWithGoal() {
		String patientUrn = "urn:uuid:" + UUID.randomUUID();
		return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
				+ "{\"fullUrl\":\"" + patientUrn + "\",\"resource\":{\"resourceType\":\"Patient\",\"identifier\":[{"
				+ "\"system\":\"" + MRN + "\",\"value\":\"" + unique + "\"}],\"name\":[{\"family\":\"Moreau\"}]},"
				+ "\"request\":{\"method\":\"POST\",\"url\":\"Patient\",\"ifNoneExist\":\"identifier=" + MRN + "|" + unique + "\"}},"
				+ "{\"fullUrl\":\"urn:uuid:" + UUID.randomUUID() + "\",\"resource\":{\"resourceType\":\"Goal\","
				+ "\"lifecycleStatus\":\"active\",\"description\":{\"text\":\"Attend follow-up\"},"
				+ "\"subject\":{\"reference\":\"" + patientUrn + "\"}},\"request\":{\"method\":\"POST\",\"url\":\"Goal\"}}]}";
	}

	/** Sends the same request from {@link #THREADS} threads released at the same instant. */
	private List<HttpResponse<String>> sendAtOnce(HttpRequest request) {
		CountDownLatch start = new CountDownLatch(1);
		Callable<HttpResponse<String>> send = () -> {
			start.await();
			return send(request);
		};
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<HttpResponse<String>>> futures =
					IntStream.range(0, THREADS).mapToObj(i -> pool.submit(send)).toList();
			start.countDown();
			return futures.stream().map(ConditionalCreateConcurrencyIT::await).toList();
		} finally {
			pool.shutdownNow();
		}
	}

	private static <T> T await(Future<T> future) {
		try {
			return future.get();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
