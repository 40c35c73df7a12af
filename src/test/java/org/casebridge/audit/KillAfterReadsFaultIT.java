package org.casebridge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.casebridge.Eventually;
import org.casebridge.ServerProcess;
import org.casebridge.ServerProcessTestBase;
import org.junit.jupiter.api.Test;

/**
 * A replica killed with SIGKILL right after a burst of reads (issue 14): after a restart on the
 * same database the audit trail holds the event of every read that was answered, since each is
 * in the outbox before its answer is sent and the restarted server stores what it finds there;
 * and the chain seals them all and checks out.
 */
class KillAfterReadsFaultIT extends ServerProcessTestBase {

	private static final int READERS = 4;
	private static final int READS_PER_READER = 25;

	@Test
	void noAnsweredReadLosesItsEventToAKill() throws Exception {
		String database = freshDatabase("audit_kill");
		ServerProcess server = ServerProcess.start(launch("audit-kill", ServerProcess.jdbcUrl(database)));
		Exchange created = post(server, "/fhir/Patient", "{\"resourceType\":\"Patient\"," + runTagMeta() + "}", Duration.ofSeconds(30));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String patient = "Patient/" + created.json().path("id").asText();

		Set<String> answered = ConcurrentHashMap.newKeySet();
		ExecutorService readers = Executors.newFixedThreadPool(READERS);
		for (int i = 0; i < READERS * READS_PER_READER; i++) {
			readers.execute(() -> {
				String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
				Exchange read = exchange("GET " + patient, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/fhir/" + patient))
						.header("Accept", FHIR_JSON).header("X-Request-ID", requestId), Duration.ofSeconds(30));
				if (read.status() == 200) {
					answered.add(requestId);
				}
			});
		}
		readers.shutdown();
		assertThat(readers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
		// The last answer has just arrived: no time for anything in memory to reach the database.
		server.kill();
		assertThat(answered).hasSize(READERS * READS_PER_READER);

		try (ServerProcess restarted = server.restart()) {
			awaitEmptyOutbox(database);
			Set<String> audited = searchAll(restarted, "AuditEvent?patient=" + patient + "&action=R&_count=500").stream()
					.flatMap(event -> StreamSupport.stream(event.path("entity").spliterator(), false))
					.filter(entity -> "XrequestId".equals(entity.path("type").path("code").asText()))
					.map(entity -> entity.path("what").path("identifier").path("value").asText())
					.collect(Collectors.toSet());
			System.out.printf("kill -9 after %d answered reads: %d of their events stored%n", answered.size(),
					answered.stream().filter(audited::contains).count());
			assertThat(audited).as("the events of the answered reads").containsAll(answered);

			JsonNode verified = awaitSealed(restarted);
			assertThat(value(verified, "intact").asBoolean()).as(verified.toString()).isTrue();
		}
	}

	/** Waits until the restarted server has stored every event its predecessor left in the outbox. */
	private static void awaitEmptyOutbox(String database) {
		Eventually.until("the outbox emptied after the restart", Duration.ofSeconds(60), () ->
				count(database, "SELECT COUNT(*) FROM CB_AUDIT_OUTBOX") == 0);
	}

	/** {@code $verify-chain}, once every stored event is linked (the sealer runs every second). */
	private JsonNode awaitSealed(ServerProcess server) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			Exchange verified = get(server, "/fhir/AuditEvent/$verify-chain", Duration.ofSeconds(60));
			assertThat(verified.status()).as(verified.body()).isEqualTo(200);
			// The verification's own event may be stored after it counted: one unsealed event is that one.
			if (value(verified.json(), "unsealed").asLong() <= 1 || System.nanoTime() > deadline) {
				return verified.json();
			}
			sleep(Duration.ofMillis(500));
		}
	}

	private static JsonNode value(JsonNode parameters, String name) {
		for (JsonNode parameter : parameters.path("parameter")) {
			if (name.equals(parameter.path("name").asText())) {
				return parameter.has("valueBoolean") ? parameter.path("valueBoolean") : parameter.path("valueInteger");
			}
		}
		throw new AssertionError("No parameter " + name + " in " + parameters);
	}
}
