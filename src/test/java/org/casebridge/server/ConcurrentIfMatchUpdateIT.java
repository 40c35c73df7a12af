package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.casebridge.FhirServerTestBase;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Case managers editing the same client at once, each with optimistic locking (FHIR R4 §3.1.0.5,
 * "Managing Resource Contention"): read, change, PUT with If-Match, and on 409/412 read again and
 * redo the change. No change may be lost and the history must have no gaps.
 */
class ConcurrentIfMatchUpdateIT extends FhirServerTestBase {

	private static final int WRITERS = 5;
	private static final int CHANGES_PER_WRITER = 4;
	private static final int MAX_ATTEMPTS_PER_CHANGE = 50;
	private static final String CHANGE_SYSTEM = "http://casebridge.test/change";

	@Test
	void everyChangeSurvivesAndTheHistoryHasNoGaps() throws Exception {
		Patient created = new Patient();
		created.addName().setFamily("Okafor");
		String id = client.create().resource(created).execute().getId().getIdPart();

		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			List<Future<Integer>> writers = IntStream.range(0, WRITERS)
					.mapToObj(writer -> pool.submit(changes(id, writer))).toList();
			for (Future<Integer> writer : writers) {
				writer.get();
			}
		} finally {
			pool.shutdownNow();
		}

		Patient stored = client.read().resource(Patient.class).withId(id).execute();
		assertThat(stored.getIdentifier()).extracting(Identifier::getValue)
				.containsExactlyInAnyOrderElementsOf(IntStream.range(0, WRITERS).boxed()
						.flatMap(writer -> IntStream.range(0, CHANGES_PER_WRITER).mapToObj(change -> writer + "-" + change))
						.toList());
		int last = Integer.parseInt(stored.getMeta().getVersionId());
		assertThat(last).isEqualTo(1 + WRITERS * CHANGES_PER_WRITER);
		Bundle history = client.history().onInstance("Patient/" + id).returnBundle(Bundle.class).count(100).execute();
		assertThat(history.getEntry()).extracting(entry -> Integer.parseInt(
						((Resource) entry.getResource()).getMeta().getVersionId()))
				.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, last).boxed().toList());
	}

	/** One writer's changes, each retried on a version conflict; answers how many attempts it took. */
	private Callable<Integer> changes(String id, int writer) {
		return () -> {
			int attempts = 0;
			for (int change = 0; change < CHANGES_PER_WRITER; change++) {
				int status;
				do {
					assertThat(++attempts).as("attempts of writer %d", writer).isLessThanOrEqualTo(MAX_ATTEMPTS_PER_CHANGE * CHANGES_PER_WRITER);
					HttpResponse<String> read = send(request("/fhir/Patient/" + id).header("Accept", FHIR_JSON).GET().build());
					Patient patient = parse(read, Patient.class);
					patient.addIdentifier().setSystem(CHANGE_SYSTEM).setValue(writer + "-" + change);
					HttpResponse<String> written = send(request("/fhir/Patient/" + id)
							.header("Content-Type", FHIR_JSON)
							.header("If-Match", read.headers().firstValue("ETag").orElseThrow())
							.PUT(BodyPublishers.ofString(fhirContext.newJsonParser().encodeResourceToString(patient)))
							.build());
					status = written.statusCode();
					assertThat(status).as("PUT: %s", written.body()).isIn(200, 409, 412);
				} while (status != 200);
			}
			return attempts;
		};
	}
}
