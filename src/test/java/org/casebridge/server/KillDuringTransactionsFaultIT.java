package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.casebridge.HapiTables;
import org.casebridge.ServerProcess;
import org.casebridge.ServerProcessTestBase;
import org.junit.jupiter.api.Test;

/**
 * A replica killed with SIGKILL while EHR feeds stream transaction Bundles at it: after a restart
 * on the same database each Bundle is stored whole or not at all (FHIR transaction semantics,
 * R4 §3.1.0.11.2), every Bundle acknowledged before the kill is there, and no row is orphaned.
 */
class KillDuringTransactionsFaultIT extends ServerProcessTestBase {

	private static final String BUNDLE_ID_SYSTEM = "http://casebridge.test/fault-bundle";
	private static final int OBSERVATIONS = 5;
	private static final int GOALS = 3;
	private static final Map<String, Long> WHOLE_BUNDLE =
			Map.of("Patient", 1L, "Observation", (long) OBSERVATIONS, "Goal", (long) GOALS);
	private static final int SENDERS = 3;
	private static final int ACKNOWLEDGED_BEFORE_KILL = 20;

	@Test
	void eachBundleIsWholeOrAbsentAfterAKillAndEveryAcknowledgedOneIsWhole() throws Exception {
		String database = freshDatabase("kill");
		ServerProcess server = ServerProcess.start(launch("kill", ServerProcess.jdbcUrl(database)));
		Set<String> sent = ConcurrentHashMap.newKeySet();
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Map<String, Exchange> refused = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();

		ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
		try {
			for (int i = 0; i < SENDERS; i++) {
				senders.execute(() -> {
					while (server.isAlive()) {
						String bundleId = run + "-" + next.incrementAndGet();
						sent.add(bundleId);
						Exchange exchange = post(server, "/fhir", transaction(bundleId), Duration.ofSeconds(30));
						if (exchange.status() == 200) {
							acknowledged.add(bundleId);
						} else if (exchange.answered()) {
							refused.put(bundleId, exchange);
						}
					}
				});
			}
			awaitAcknowledged(acknowledged, server);
			server.kill();
		} finally {
			senders.shutdown();
			assertThat(senders.awaitTermination(40, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(refused).as("Bundles the server refused before the kill").isEmpty();
		Set<String> acknowledgedAtKill = Set.copyOf(acknowledged);

		try (ServerProcess restarted = server.restart(); HapiTables tables = new HapiTables(ServerProcess.jdbcUrl(database))) {
			Map<String, Map<String, Long>> searched = countedBySearch(restarted);
			Map<String, Map<String, Long>> stored = tables.resourcesByIdentifier(BUNDLE_ID_SYSTEM);
			Map<String, Long> links = tables.resourcesLinkedToOwnPatient(BUNDLE_ID_SYSTEM);
			long whole = stored.values().stream().filter(WHOLE_BUNDLE::equals).count();
			System.out.printf("kill -9: %d Bundles sent, %d acknowledged, %d in flight at the kill, %d stored whole%n",
					sent.size(), acknowledgedAtKill.size(), sent.size() - acknowledgedAtKill.size(), whole);

			assertThat(searched).as("counted by FHIR search and by SQL").isEqualTo(stored);
			assertThat(sent).as("every Bundle stored was sent").containsAll(stored.keySet());
			assertThat(stored).as("each stored Bundle, by resource type").allSatisfy(
					(bundleId, counts) -> assertThat(counts).as(bundleId).isEqualTo(WHOLE_BUNDLE));
			assertThat(stored.keySet()).as("Bundles acknowledged before the kill").containsAll(acknowledgedAtKill);
			assertThat(links).as("Observations and Goals linked to their Patient")
					.containsOnlyKeys(stored.keySet())
					.allSatisfy((bundleId, count) -> assertThat(count).as(bundleId).isEqualTo(OBSERVATIONS + GOALS));
			assertThat(tables.orphans()).isEmpty();
		}
	}

	private static void awaitAcknowledged(Set<String> acknowledged, ServerProcess server) {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline && server.isAlive()) {
			sleep(Duration.ofMillis(20));
		}
		assertThat(acknowledged).as("Bundles acknowledged before the kill").hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
	}

	/** {@code bundle id -> resource type -> count}, by a tag search per type, as {@link HapiTables} counts. */
	private Map<String, Map<String, Long>> countedBySearch(ServerProcess server) {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		for (String type : WHOLE_BUNDLE.keySet()) {
			for (JsonNode resource : searchAll(server, type + "?" + runTagSearch() + "&_count=200")) {
				String bundleId = resource.path("identifier").path(0).path("value").asText();
				counts.computeIfAbsent(bundleId, id -> new LinkedHashMap<>()).merge(type, 1L, Long::sum);
			}
		}
		return counts;
	}

	/** One client's check-in: a Patient, Observations and Goals about them, all carrying the Bundle's id. */
	private String transaction(String bundleId) {
		String meta = runTagMeta() + ","
				+ "\"identifier\":[{\"system\":\"" + BUNDLE_ID_SYSTEM + "\",\"value\":\"" + bundleId + "\"}],";
		String patientUrn = "urn:uuid:" + UUID.randomUUID();
		StringBuilder entries = new StringBuilder(entry(patientUrn, "Patient",
				"{\"resourceType\":\"Patient\"," + meta + "\"name\":[{\"family\":\"Fault\",\"given\":[\"" + bundleId + "\"]}]}"));
		for (int i = 0; i < OBSERVATIONS; i++) {
			entries.append(',').append(entry("urn:uuid:" + UUID.randomUUID(), "Observation",
					"{\"resourceType\":\"Observation\"," + meta + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
							+ "\"http://casebridge.test/fault-code\",\"code\":\"check-in-" + i + "\"}]},"
							+ "\"subject\":{\"reference\":\"" + patientUrn + "\"},\"valueInteger\":" + i + "}"));
		}
		for (int i = 0; i < GOALS; i++) {
			entries.append(',').append(entry("urn:uuid:" + UUID.randomUUID(), "Goal",
					"{\"resourceType\":\"Goal\"," + meta + "\"lifecycleStatus\":\"active\",\"description\":{\"text\":"
							+ "\"Goal " + i + "\"},\"subject\":{\"reference\":\"" + patientUrn + "\"}}"));
		}
		return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
	}

	private static String entry(String fullUrl, String type, String resource) {
		return "{\"fullUrl\":\"" + fullUrl + "\",\"resource\":" + resource
				+ ",\"request\":{\"method\":\"POST\",\"url\":\"" + type + "\"}}";
	}
}
