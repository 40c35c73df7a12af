package org.casebridge.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casebridge.ServerProcess;
import org.casebridge.security.TestAuthorizationServer;

/**
 * The CaseBridge benchmark suite: CaseBridge and stock HAPI (the same jar, profile
 * {@code baseline}) on the same data, machine and PostgreSQL, one after the other in the same
 * run. Writes {@code bench/RESULTS.md} and {@code bench/results.json}. Run it with {@code bench/run}.
 *
 * <pre>
 * bench/run [--scale small|medium|large] [--clients N]
 *           [--scenarios ingest,create,referral,search,everything,apply,notification,caseload]
 *           [--iterations 200] [--seed 42] [--rounds 1] [--systems casebridge,stock_hapi,casebridge_unvalidated,casebridge_secured]
 *           [--reuse-database true]
 * </pre>
 */
public final class BenchmarkSuite {

	static final List<String> SCENARIOS = List.of(
			"ingest", "create", "referral", "search", "everything", "apply", "notification", "caseload");
	/**
	 * Every server runs as the Docker image runs it: the jar extracted, with a class-data archive of
	 * its classes, both made by {@code bench/run} with {@code docker/class-data-archive}. Stock HAPI
	 * too, so that its start-up gains what CaseBridge's does and the ratio stays like for like.
	 */
	private static final Path SERVER_JAR = Path.of("target", "cds", "casebridge.jar");
	private static final Path CLASS_DATA_ARCHIVE = Path.of("target", "cds", "casebridge.jsa");

	private BenchmarkSuite() {}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		Scale scale = Scale.valueOf(options.getOrDefault("scale", "small").toUpperCase());
		Set<String> scenarios = Arrays.stream(options.getOrDefault("scenarios", String.join(",", SCENARIOS)).split(","))
				.map(String::trim).collect(Collectors.toSet());
		int iterations = Integer.parseInt(options.getOrDefault("iterations", "200"));
		long seed = Long.parseLong(options.getOrDefault("seed", "42"));
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "1"));
		int clients = Integer.parseInt(options.getOrDefault("clients", String.valueOf(scale.caseManagementClients())));
		// Measure again on the data an earlier run of the same options left in each server's database.
		boolean reuseDatabase = Boolean.parseBoolean(options.getOrDefault("reuse-database", "false"));
		Set<SystemUnderTest> systems = Arrays.stream(options.getOrDefault("systems",
				"casebridge,stock_hapi,casebridge_unvalidated,casebridge_secured,casebridge_unaudited")
				.split(",")).map(name -> SystemUnderTest.valueOf(name.trim().toUpperCase())).collect(Collectors.toSet());

		Progress.print("preparing %s data (seed %d)", scale, seed);
		BenchmarkData data = BenchmarkData.prepare(scale, seed, clients);
		Progress.print("%d Synthea patients, %d case-management clients", data.syntheaPatients.size(), data.caseManagementClients);

		Map<String, Object> runs = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			for (SystemUnderTest system : SystemUnderTest.values()) {
				if (!systems.contains(system) || system.scenarios(scenarios).isEmpty()) {
					continue;
				}
				Progress.print("round %d: %s", round, system.label());
				Map<String, Object> result = run(system, data, system.scenarios(scenarios), iterations, seed, reuseDatabase);
				runs.put(system.label() + " #" + round, result);
			}
		}
		Progress.print("physical reference: COPY into jsonb, pg_test_fsync");
		Map<String, Object> physical = PhysicalReference.measure(data);

		ResultsReport report = new ResultsReport(scale, seed, iterations, data, runs, physical);
		report.write(Path.of("bench", "RESULTS.md"), Path.of("bench", "results.json"));
		Progress.print("wrote bench/RESULTS.md and bench/results.json");
	}

	private static Map<String, Object> run(
			SystemUnderTest system, BenchmarkData data, Set<String> scenarios, int iterations, long seed,
			boolean reuseDatabase) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		Path log = Path.of("target", "bench-" + system.name().toLowerCase() + ".log");
		if (!reuseDatabase) {
			ServerProcess.recreateDatabase(system.database());
		}
		boolean secured = system == SystemUnderTest.CASEBRIDGE_SECURED;
		Map<String, String> settings = secured
				? Map.of("CASEBRIDGE_SECURITY_ISSUER", TestAuthorizationServer.issuer(),
						"CASEBRIDGE_SECURITY_AUDIENCE", TestAuthorizationServer.AUDIENCE)
				: Map.of();
		ServerProcess.Launch launch = new ServerProcess.Launch(SERVER_JAR, List.of("-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE),
				system.springProfiles(), ServerProcess.jdbcUrl(system.database()), 8191, log, settings);
		try (ServerProcess server = ServerProcess.start(launch)) {
			FhirHttp fhir = new FhirHttp(server.baseUrl() + "/fhir", secured
					? TestAuthorizationServer.renewingToken(TestAuthorizationServer.Client.EHR_BACKEND, "system/*.cruds")
					: null);
			result.put("startup_ms", server.startupMillis());
			result.put("rss_after_startup_mb", server.rssBytes() / (1024 * 1024));
			IngestScenario ingest = new IngestScenario();
			if (!reuseDatabase && (scenarios.contains("ingest") || scenarios.contains("search")
					|| scenarios.contains("everything") || scenarios.contains("caseload"))) {
				result.put("ingest", ingest.run(fhir, data));
			}
			RequestScenarios requests = new RequestScenarios(fhir, iterations, seed);
			if (scenarios.contains("create")) {
				result.put("create", requests.creates());
			}
			if (scenarios.contains("referral")) {
				result.put("referral_loop", requests.referralLoop());
			}
			if (scenarios.contains("search")) {
				result.put("search", requests.searches(ingest.patients));
			}
			if (scenarios.contains("everything")) {
				result.put("everything", requests.everything(ingest.patients));
			}
			if (scenarios.contains("apply")) {
				result.put("apply", requests.apply());
			}
			if (scenarios.contains("notification")) {
				result.put("notification", new NotificationScenario(fhir, iterations).run());
			}
			if (scenarios.contains("caseload")) {
				// Stock HAPI has no $caseload: only the view composed from plain searches is measured there.
				result.put("caseload", new CaseloadScenario(fhir, data, iterations, system == SystemUnderTest.CASEBRIDGE).run());
			}
			result.put("rss_after_load_mb", server.rssBytes() / (1024 * 1024));
			result.put("rss_peak_mb", server.peakRssBytes() / (1024 * 1024));
		}
		return result;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("Usage: bench/run [--scale small|medium|large] [--clients N] [--scenarios "
						+ String.join(",", SCENARIOS) + "] [--iterations N] [--seed N] [--rounds N] [--systems casebridge,...]");
			}
			options.put(args[i].substring(2), args[++i]);
		}
		return options;
	}
}
