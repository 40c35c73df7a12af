package org.casebridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * One server under test: the CaseBridge jar as built, started in its own JVM with {@code -Xmx768m}
 * against a fresh PostgreSQL database, as CaseBridge or (profile {@code baseline}) stock HAPI.
 */
final class ServerProcess implements AutoCloseable {

	static final String PG_HOST = "127.0.0.1:5432";

	private final Process process;
	private final long startupMillis;
	final FhirHttp fhir;

	private ServerProcess(Process process, long startupMillis, FhirHttp fhir) {
		this.process = process;
		this.startupMillis = startupMillis;
		this.fhir = fhir;
	}

	static ServerProcess start(Path jar, SystemUnderTest system, int port, Path log) throws IOException {
		recreateDatabase(system.database());
		ProcessBuilder builder = new ProcessBuilder(
				"java", "-Xmx768m", "-jar", jar.toString(), "--server.port=" + port)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
		builder.environment().put("SPRING_PROFILES_ACTIVE", system.springProfiles());
		builder.environment().put("CASEBRIDGE_DB_URL", "jdbc:postgresql://" + PG_HOST + "/" + system.database());
		builder.environment().put("CASEBRIDGE_DB_USER", "postgres");
		long started = System.nanoTime();
		Process process = builder.start();
		awaitReady(process, port, log);
		long startupMillis = (System.nanoTime() - started) / 1_000_000;
		return new ServerProcess(process, startupMillis, new FhirHttp("http://localhost:" + port + "/fhir"));
	}

	long startupMillis() {
		return startupMillis;
	}

	/** Resident memory of the server JVM, from /proc. */
	long rssBytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
			}
		}
		throw new IllegalStateException("No VmRSS for process " + process.pid());
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	private static void awaitReady(Process process, int port, Path log) throws IOException {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server exited during start-up; see " + log);
			}
			try {
				if (http.send(readiness, BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			} catch (IOException e) {
				// not listening yet
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The server was not ready within 3 minutes; see " + log);
	}

	static void recreateDatabase(String name) {
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			sql.execute("CREATE DATABASE " + name);
		} catch (SQLException e) {
			throw new IllegalStateException("Cannot recreate database " + name + " on " + PG_HOST, e);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
