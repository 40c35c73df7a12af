package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.casebridge.HapiTables;
import org.casebridge.LoopbackProxy;
import org.casebridge.ServerProcess;
import org.casebridge.ServerProcessTestBase;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away for 20 s under load (a failover, a partition): CaseBridge must answer
 * 503 with Retry-After within seconds rather than hang, report itself not ready so a load
 * balancer stops sending it traffic, and come back by itself when the database does.
 */
class DatabaseOutageFaultIT extends ServerProcessTestBase {

	private static final Duration OUTAGE = Duration.ofSeconds(20);
	private static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);
	/** Time the readiness probe may take to notice the outage. */
	private static final Duration DETECTION = Duration.ofSeconds(2);
	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
	private static final String READINESS = "/actuator/health/readiness";

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
	private final AtomicBoolean loading = new AtomicBoolean(true);

	@Test
	void answers503FastDuringAnOutageAndRecoversByItself() throws Exception {
		String database = freshDatabase("outage");
		try (LoopbackProxy proxy = LoopbackProxy.to(5432);
				ServerProcess server = ServerProcess.start(launch("outage",
						"jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database))) {
			ExecutorService clients = Executors.newFixedThreadPool(4);
			clients.execute(() -> keepSending(() -> post(server, "/fhir/Patient", patient(), REQUEST_TIMEOUT)));
			clients.execute(() -> keepSending(() -> post(server, "/fhir/Patient", patient(), REQUEST_TIMEOUT)));
			clients.execute(() -> keepSending(() -> get(server, "/fhir/Patient?" + runTagSearch() + "&_count=5", REQUEST_TIMEOUT)));
			clients.execute(() -> keepSending(() -> {
				Exchange probe = get(server, READINESS, REQUEST_TIMEOUT);
				sleep(Duration.ofMillis(500));
				return probe;
			}));
			sleep(Duration.ofSeconds(5));
			long cut = System.nanoTime();
			proxy.cut();
			sleep(OUTAGE);
			long restored = System.nanoTime();
			proxy.restore();
			Optional<Long> recovered = awaitRecovery(restored);
			sleep(Duration.ofSeconds(3));
			loading.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)).isTrue();

			List<Exchange> duringOutage = startedBetween(cut, restored, false);
			List<Exchange> probesDuringOutage = startedBetween(cut + DETECTION.toNanos(), restored, true);
			report(duringOutage, probesDuringOutage, restored, recovered);

			assertThat(duringOutage).as("requests during the outage").isNotEmpty().allSatisfy(exchange -> {
				assertThat(exchange.latency()).as("%s", exchange).isLessThanOrEqualTo(ANSWER_LIMIT);
				// A search may still be answered correctly; anything else must say "try again later".
				boolean correct = exchange.request().startsWith("GET") && exchange.status() == 200
						|| exchange.endNanos() > restored && exchange.status() / 100 == 2;
				if (!correct) {
					assertUnavailable(exchange);
				}
			});
			assertThat(probesDuringOutage).as("readiness during the outage").isNotEmpty().allSatisfy(probe -> {
				assertThat(probe.latency()).as("%s", probe).isLessThanOrEqualTo(ANSWER_LIMIT);
				// A probe still waiting for a connection when the database returns may find it UP.
				if (probe.endNanos() <= restored || probe.status() != 200) {
					assertThat(probe.status()).as("%s", probe).isEqualTo(503);
					assertThat(probe.json().path("status").asText()).isEqualTo("DOWN");
				}
			});
			assertThat(recovered).as("201 and readiness UP within %s of the restore", RECOVERY_LIMIT).isPresent();
			assertThat(startedBetween(recovered.get(), Long.MAX_VALUE, false)).as("requests after recovery")
					.isNotEmpty().allSatisfy(exchange -> assertThat(exchange.status() / 100).as("%s", exchange).isEqualTo(2));
			assertCreatedPatientsAreStoredWhole(server, database);
		}
	}

	private void keepSending(Supplier<Exchange> request) {
		while (loading.get()) {
			exchanges.add(request.get());
			sleep(Duration.ofMillis(50));
		}
	}

	/** When, after the restore, both a create has answered 201 and readiness 200. */
	private Optional<Long> awaitRecovery(long restored) {
		long deadline = restored + RECOVERY_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Long> created = firstEnd(restored, "POST", 201);
			Optional<Long> ready = firstEnd(restored, "GET " + READINESS, 200);
			if (created.isPresent() && ready.isPresent()) {
				return Optional.of(Math.max(created.get(), ready.get()));
			}
			sleep(Duration.ofMillis(200));
		}
		return Optional.empty();
	}

	private Optional<Long> firstEnd(long after, String request, int status) {
		return exchanges.stream()
				.filter(exchange -> exchange.startNanos() >= after && exchange.request().startsWith(request)
						&& exchange.status() == status)
				.map(Exchange::endNanos).min(Long::compare);
	}

	private List<Exchange> startedBetween(long from, long to, boolean probes) {
		return exchanges.stream()
				.filter(exchange -> exchange.startNanos() >= from && exchange.startNanos() < to)
				.filter(exchange -> exchange.request().endsWith(READINESS) == probes)
				.toList();
	}

	/** Every create acknowledged with 201 is stored, and nothing half-stored is left behind. */
	private void assertCreatedPatientsAreStoredWhole(ServerProcess server, String database) throws Exception {
		List<String> created = exchanges.stream().filter(exchange -> exchange.status() == 201)
				.map(exchange -> exchange.json().path("id").asText()).toList();
		List<String> found = searchAll(server, "Patient?" + runTagSearch() + "&_count=200&_elements=id").stream()
				.map(resource -> resource.path("id").asText()).toList();
		assertThat(found).containsAll(created);
		try (HapiTables tables = new HapiTables(database)) {
			assertThat(tables.orphans()).isEmpty();
		}
	}

	private void report(List<Exchange> duringOutage, List<Exchange> probes, long restored, Optional<Long> recovered) {
		System.out.printf("database outage of %d s: %d requests started during it, statuses %s, max latency %d ms;"
				+ " readiness probes %s; recovered %s after the restore%n",
				OUTAGE.toSeconds(), duringOutage.size(), statusCounts(duringOutage),
				duringOutage.stream().mapToLong(exchange -> exchange.latency().toMillis()).max().orElse(0),
				statusCounts(probes),
				recovered.map(at -> (at - restored) / 1_000_000 + " ms").orElse("not within " + RECOVERY_LIMIT));
		System.out.printf("  probes' max latency %d ms%n",
				probes.stream().mapToLong(exchange -> exchange.latency().toMillis()).max().orElse(0));
	}

	private static String statusCounts(List<Exchange> exchanges) {
		return exchanges.stream().collect(Collectors.groupingBy(
				exchange -> exchange.answered() ? String.valueOf(exchange.status())
						: exchange.timedOut() ? "timeout" : "failed",
				TreeMap::new, Collectors.counting())).toString();
	}

	private String patient() {
		return "{\"resourceType\":\"Patient\"," + runTagMeta() + ",\"name\":[{\"family\":\"Outage\"}]}";
	}
}
