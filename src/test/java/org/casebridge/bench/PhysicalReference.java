package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.casebridge.ServerProcess;
import org.postgresql.PGConnection;

/**
 * How far from the machine's limit the servers are: PostgreSQL's own load speed for the same
 * resources ({@code COPY} into a jsonb table, one row per resource) and the disk's fsync rate.
 */
final class PhysicalReference {

	private static final String DATABASE = "casebridge_bench_copy";

	private PhysicalReference() {}

	static Map<String, Object> measure(BenchmarkData data) throws Exception {
		// The rows go to a file and are streamed into COPY: at 10,000 clients they outgrow the heap.
		Path rows = Path.of("target", "bench-copy-rows.txt");
		int resources = 0;
		try (Writer out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
			for (Path bundle : Stream.concat(data.syntheaInfrastructure.stream(), data.syntheaPatients.stream()).toList()) {
				resources += appendResources(FhirHttp.JSON.readTree(bundle.toFile()), out);
			}
			for (int client = 0; client < data.caseManagementClients; client++) {
				resources += appendResources(FhirHttp.JSON.readTree(data.caseManagement.clientBundle(client)), out);
			}
		}
		ServerProcess.recreateDatabase(DATABASE);
		Map<String, Object> figures = new LinkedHashMap<>();
		try (Connection db = DriverManager.getConnection(
						ServerProcess.jdbcUrl(DATABASE), "postgres", "");
				Statement sql = db.createStatement()) {
			sql.execute("CREATE TABLE resource (doc jsonb NOT NULL)");
			long started = System.nanoTime();
			try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
				db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY resource (doc) FROM STDIN", in);
			}
			double seconds = IngestScenario.seconds(started);
			figures.put("copy_resources", resources);
			figures.put("copy_seconds", Latencies.round(seconds));
			figures.put("copy_resources_per_second", Latencies.round(resources / seconds));
		}
		Files.delete(rows);
		figures.put("fsync_per_second", fsyncRate());
		return figures;
	}

	/** Appends each entry's resource as one COPY text-format row; returns how many. */
	private static int appendResources(JsonNode bundle, Writer rows) throws IOException {
		for (JsonNode entry : bundle.get("entry")) {
			// COPY's text format treats backslash as an escape; compact JSON has no raw tabs or newlines.
			rows.append(entry.get("resource").toString().replace("\\", "\\\\")).append('\n');
		}
		return bundle.get("entry").size();
	}

	/** fdatasync operations per second, as pg_test_fsync measures them in the working directory. */
	private static Object fsyncRate() throws IOException, InterruptedException {
		List<Path> tools;
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			tools = versions.map(version -> version.resolve("bin/pg_test_fsync")).filter(Files::isExecutable).toList();
		}
		if (tools.isEmpty()) {
			return "pg_test_fsync not found";
		}
		Path file = Path.of("target", "bench-fsync.tmp").toAbsolutePath();
		Process test = new ProcessBuilder(tools.get(0).toString(), "-s", "2", "-f", file.toString())
				.redirectErrorStream(true).start();
		String output = new String(test.getInputStream().readAllBytes());
		test.waitFor();
		Files.deleteIfExists(file);
		Matcher fdatasync = Pattern.compile("fdatasync\\s+([\\d,.]+) ops/sec").matcher(output);
		return fdatasync.find() ? Double.parseDouble(fdatasync.group(1).replace(",", "")) : "unparsed";
	}
}
