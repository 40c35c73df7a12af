package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Scenario 1: ingest Synthea and case-management transaction bundles at 1, 2 and 4 concurrent
 * clients, each level on its own third of the data. Reports resources/s and per-bundle latency.
 */
final class IngestScenario {

	static final int[] CONCURRENCY = {1, 2, 4};
	private static final int MAX_ATTEMPTS = 5;

	/** A Patient stored by the ingest, with the number of resources its bundle carried. */
	record StoredPatient(String id, int resources, boolean caseManagement) {}

	private record Work(Supplier<String> bundle, boolean caseManagement) {}

	final List<StoredPatient> patients = new ArrayList<>();

	Map<String, Object> run(FhirHttp fhir, BenchmarkData data) throws Exception {
		// Synthea's hospital and practitioner bundles are batches: 200 even when entries fail.
		for (Path infrastructure : data.syntheaInfrastructure) {
			for (JsonNode entry : fhir.post("", read(infrastructure)).get("entry")) {
				String status = entry.path("response").path("status").asText();
				if (!status.startsWith("2")) {
					throw new IllegalStateException(infrastructure + " has an entry that failed: " + entry.path("response"));
				}
			}
		}
		fhir.post("", CaseManagementGenerator.directoryBundle());

		Map<String, Object> byLevel = new LinkedHashMap<>();
		for (int level = 0; level < CONCURRENCY.length; level++) {
			List<Work> work = new ArrayList<>();
			for (Path patient : third(data.syntheaPatients, level)) {
				work.add(new Work(() -> read(patient), false));
			}
			List<Integer> clients = new ArrayList<>();
			for (int client = 0; client < data.caseManagementClients; client++) {
				clients.add(client);
			}
			for (int client : third(clients, level)) {
				work.add(new Work(() -> data.caseManagement.clientBundle(client), true));
			}
			byLevel.put("clients_" + CONCURRENCY[level], load(fhir, work, CONCURRENCY[level]));
		}
		return byLevel;
	}

	private Map<String, Object> load(FhirHttp fhir, List<Work> work, int concurrency) throws Exception {
		Latencies perBundle = new Latencies();
		AtomicInteger resources = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		long started = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (Work item : work) {
				futures.add(pool.submit(() -> {
					String bundle = item.bundle().get();
					long sent = System.nanoTime();
					JsonNode response = post(fhir, bundle, conflicts);
					perBundle.add(sent);
					resources.addAndGet(response.get("entry").size());
					record(response, item.caseManagement());
					if (done.incrementAndGet() % 10 == 0) {
						Progress.print("ingest, %d client(s): %d/%d bundles, %d resources, %.0f resources/s", concurrency,
								done.get(), work.size(), resources.get(), resources.get() / seconds(started));
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		} finally {
			pool.shutdownNow();
		}
		double elapsed = seconds(started);
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("bundles", work.size());
		figures.put("resources", resources.get());
		figures.put("seconds", Latencies.round(elapsed));
		figures.put("resources_per_second", Latencies.round(resources.get() / elapsed));
		figures.put("bundle_latency", perBundle.summary(elapsed));
		figures.put("conflict_retries", conflicts.get());
		return figures;
	}

	/**
	 * Posts a transaction, sending it again when it answers 409: the 50 bundles of a caseload
	 * create their case manager conditionally, and when two of them race, the server that does not
	 * retry itself (stock HAPI) lets the loser fail on the unique match-URL index, as a client would
	 * then see.
	 */
	private static JsonNode post(FhirHttp fhir, String bundle, AtomicInteger conflicts) {
		for (int attempt = 1; ; attempt++) {
			try {
				return fhir.post("", bundle);
			} catch (FhirHttp.UnexpectedStatus e) {
				if (e.status != 409 || attempt == MAX_ATTEMPTS) {
					throw e;
				}
				conflicts.incrementAndGet();
			}
		}
	}

	private synchronized void record(JsonNode response, boolean caseManagement) {
		for (JsonNode entry : response.get("entry")) {
			String location = entry.path("response").path("location").asText();
			if (location.startsWith("Patient/")) {
				patients.add(new StoredPatient(location.split("/")[1], response.get("entry").size(), caseManagement));
			}
		}
	}

	private static <T> List<T> third(List<T> items, int part) {
		int size = (items.size() + 2) / 3;
		return items.subList(Math.min(items.size(), part * size), Math.min(items.size(), (part + 1) * size));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static double seconds(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1e9;
	}
}
