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
import org.casebridge.ServerProcess;
import org.casebridge.ServerProcessTestBase;

/**
 * PostgreSQL goes away under load and comes back, the way a subclass's {@link Outage} makes it:
 * CaseBridge must answer 503 with an OperationOutcome and Retry-After within seconds rather than
 * hang, report itself not ready so a load balancer stops sending it traffic, come back by itself
 * when the database does, and keep every create it acknowledged.
 */
abstract class DatabaseOutageScenario extends ServerProcessTestBase {

	private static final Duration ANSWER_LIMIT = Duration.ofSeconds(5);
	/** Time the readiness probe may take to notice the outage. */
	private static final Duration DETECTION = Duration.ofSeconds(2);
	private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(30);
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
	private static final String READINESS = "/actuator/health/readiness";

	/** Takes the database away, or brings it back; returns when that has happened. */
	protected interface Step {
		void run() throws Exception;
	}

	protected record Outage(String description, Step goDown, Step comeBack) {}

	/**
	 * When the outage began and ended, in {@link System#nanoTime()}: a request the database served
	 * while going down, or once coming back, may succeed.
	 */
	private record Timeline(long goingDown, long down, long comingBack, long back) {}

	private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
	private final AtomicBoolean loading = new AtomicBoolean(true);

	/** Runs CaseBridge on {@code jdbcUrl} under load through {@code outage}, held down for {@code downFor}. */
	protected void assertSurvives(Outage outage, Duration downFor, String name, String jdbcUrl) throws Exception {
		try (ServerProcess server = ServerProcess.start(launch(name, jdbcUrl))) {
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
			Timeline timeline = run(outage, downFor);
			Optional<Long> recovered = awaitRecovery(timeline.back());
			sleep(Duration.ofSeconds(3));
			loading.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)).isTrue();

			List<Exchange> duringOutage = startedBetween(timeline.goingDown(), timeline.back(), false);
			List<Exchange> probesDuringOutage = startedBetween(timeline.down() + DETECTION.toNanos(), timeline.back(), true);
			report(outage, downFor, duringOutage, probesDuringOutage, timeline, recovered);

			assertThat(duringOutage).as("requests during the outage").isNotEmpty().allSatisfy(exchange -> {
				assertThat(exchange.latency()).as("%s", exchange).isLessThanOrEqualTo(ANSWER_LIMIT);
				// A search may still be answered correctly; anything else must say "try again later".
				boolean servedByTheDatabase = exchange.startNanos() < timeline.down()
						|| exchange.endNanos() > timeline.comingBack();
				boolean correct = exchange.request().startsWith("GET") && exchange.status() == 200
						|| servedByTheDatabase && exchange.status() / 100 == 2;
				if (!correct) {
					assertUnavailable(exchange);
				}
			});
			assertThat(probesDuringOutage).as("readiness during the outage").isNotEmpty().allSatisfy(probe -> {
				assertThat(probe.latency()).as("%s", probe).isLessThanOrEqualTo(ANSWER_LIMIT);
				// A probe still waiting for a connection when the database returns may find it UP.
				if (probe.endNanos() <= timeline.comingBack() || probe.status() != 200) {
					assertThat(probe.status()).as("%s", probe).isEqualTo(503);
					assertThat(probe.json().path("status").asText()).isEqualTo("DOWN");
				}
			});
			assertThat(recovered).as("201 and readiness UP within %s of the database's return", RECOVERY_LIMIT).isPresent();
			assertThat(startedBetween(recovered.get(), Long.MAX_VALUE, false)).as("requests after recovery")
					.isNotEmpty().allSatisfy(exchange -> assertThat(exchange.status() / 100).as("%s", exchange).isEqualTo(2));
			assertCreatedPatientsAreStoredWhole(server, jdbcUrl);
		}
	}

	private static Timeline run(Outage outage, Duration downFor) throws Exception {
		long goingDown = System.nanoTime();
		outage.goDown().run();
		long down = System.nanoTime();
		sleep(downFor);
		long comingBack = System.nanoTime();
		outage.comeBack().run();
		return new Timeline(goingDown, down, comingBack, System.nanoTime());
	}

	private void keepSending(Supplier<Exchange> request) {
		while (loading.get()) {
			exchanges.add(request.get());
			sleep(Duration.ofMillis(50));
		}
	}

	/** When, after the database is back, both a create has answered 201 and readiness 200. */
	private Optional<Long> awaitRecovery(long back) {
		long deadline = back + RECOVERY_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Long> created = firstEnd(back, "POST", 201);
			Optional<Long> ready = firstEnd(back, "GET " + READINESS, 200);
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
	private void assertCreatedPatientsAreStoredWhole(ServerProcess server, String jdbcUrl) throws Exception {
		List<String> created = exchanges.stream().filter(exchange -> exchange.status() == 201)
				.map(exchange -> exchange.json().path("id").asText()).toList();
		List<String> found = searchAll(server, "Patient?" + runTagSearch() + "&_count=200&_elements=id").stream()
				.map(resource -> resource.path("id").asText()).toList();
		assertThat(found).containsAll(created);
		try (HapiTables tables = new HapiTables(jdbcUrl)) {
			assertThat(tables.orphans()).isEmpty();
		}
	}

	private static void report(Outage outage, Duration downFor, List<Exchange> duringOutage, List<Exchange> probes,
			Timeline timeline, Optional<Long> recovered) {
		System.out.printf("%s, down for %d s (%d ms going down, %d ms coming back): %d requests started during it,"
				+ " statuses %s, max latency %d ms; readiness probes %s; recovered %s after the database's return%n",
				outage.description(), downFor.toSeconds(), millis(timeline.goingDown(), timeline.down()),
				millis(timeline.comingBack(), timeline.back()), duringOutage.size(), statusCounts(duringOutage),
				maxLatencyMillis(duringOutage), statusCounts(probes),
				recovered.map(at -> millis(timeline.back(), at) + " ms").orElse("not within " + RECOVERY_LIMIT));
		System.out.printf("  probes' max latency %d ms%n", maxLatencyMillis(probes));
	}

	private static long millis(long fromNanos, long toNanos) {
		return (toNanos - fromNanos) / 1_000_000;
	}

	private static long maxLatencyMillis(List<Exchange> exchanges) {
		return exchanges.stream().mapToLong(exchange -> exchange.latency().toMillis()).max().orElse(0);
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
