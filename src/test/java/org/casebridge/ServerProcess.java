package org.casebridge;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The CaseBridge jar as built, run in its own JVM with {@code -Xmx768m} the way it runs in
 * production: for the benchmark, and for the fault tests that kill it, stop it, restart it on the
 * same database or put a proxy between it and PostgreSQL.
 */
public final class ServerProcess implements AutoCloseable {

	public static final String PG_HOST = "127.0.0.1:5432";
	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

	/** How to start the server; a restart reuses it, so it comes back on the same database and port. */
	public record Launch(Path jar, List<String> jvmOptions, String springProfiles, String jdbcUrl, int port, Path log,
			Map<String, String> settings) {

		/** Without JVM options or settings beyond the defaults below. */
		public Launch(Path jar, String springProfiles, String jdbcUrl, int port, Path log) {
			this(jar, List.of(), springProfiles, jdbcUrl, port, log, Map.of());
		}

		/** The jar that {@code mvn package} built, on a free port, logging to {@code target/<name>.log}. */
		public static Launch of(String springProfiles, String jdbcUrl, String name) {
			return new Launch(builtJar(), springProfiles, jdbcUrl, freePort(), Path.of("target", name + ".log"));
		}
	}

	private final Launch launch;
	private final Process process;
	private final long startedNanos;
	private long startupMillis = -1;

	private ServerProcess(Launch launch) throws IOException {
		this.launch = launch;
		List<String> command = new ArrayList<>(List.of("java", "-Xmx768m"));
		command.addAll(launch.jvmOptions());
		command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + launch.port()));
		ProcessBuilder builder = new ProcessBuilder(command)
				.redirectErrorStream(true)
				// Appends, so the log of a restarted server also shows how the previous one ended.
				.redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
		builder.environment().put("SPRING_PROFILES_ACTIVE", launch.springProfiles());
		builder.environment().put("CASEBRIDGE_DB_URL", launch.jdbcUrl());
		builder.environment().put("CASEBRIDGE_DB_USER", "postgres");
		// The fault tests and the benchmark measure the server without access control, unless settings add an issuer.
		builder.environment().put("CASEBRIDGE_SECURITY_ALLOW_ANONYMOUS", "true");
		builder.environment().putAll(launch.settings());
		this.startedNanos = System.nanoTime();
		this.process = builder.start();
	}

	/** Starts the server and waits until its readiness probe answers 200. */
	public static ServerProcess start(Launch launch) throws IOException {
		ServerProcess server = launch(launch);
		server.awaitReady();
		return server;
	}

	/** Starts the server without waiting for it, for tests that watch the start-up itself. */
	public static ServerProcess launch(Launch launch) throws IOException {
		return new ServerProcess(launch);
	}

	/** Another server started like this one, on the same database; this one must have exited. */
	public ServerProcess restart() throws IOException {
		if (process.isAlive()) {
			throw new IllegalStateException("Server " + process.pid() + " is still running");
		}
		return start(launch);
	}

	public static String jdbcUrl(String database) {
		return "jdbc:postgresql://" + PG_HOST + "/" + database;
	}

	public String baseUrl() {
		return "http://localhost:" + launch.port();
	}

	public Path log() {
		return launch.log();
	}

	public long startupMillis() {
		return startupMillis;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Resident memory of the server JVM, from /proc. */
	public long rssBytes() throws IOException {
		return statusBytes("VmRSS");
	}

	/** The most resident memory the server JVM has had since it started: what a container limit must hold. */
	public long peakRssBytes() throws IOException {
		return statusBytes("VmHWM");
	}

	private long statusBytes(String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
			if (line.startsWith(field + ":")) {
				return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
			}
		}
		throw new IllegalStateException("No " + field + " for process " + process.pid());
	}

	/** SIGKILL: the JVM gets no chance to finish anything, as in a power cut or an OOM kill. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/**
	 * SIGTERM, as an orchestrator stops a replica, and the time the JVM took to exit; a server still
	 * running after {@code patience} is killed so no test leaves it behind, and the answer is empty.
	 */
	public Optional<Duration> terminate(Duration patience) throws InterruptedException {
		long sent = System.nanoTime();
		process.destroy();
		if (process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
			return Optional.of(Duration.ofNanos(System.nanoTime() - sent));
		}
		kill();
		return Optional.empty();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			terminate(Duration.ofSeconds(60));
		}
	}

	/** Waits until Tomcat accepts connections, which is before the application is ready. */
	public void awaitListening() {
		awaitStartup("listening", () -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("localhost", launch.port()), 1000);
				return true;
			} catch (IOException e) {
				return false;
			}
		});
	}

	public void awaitReady() {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
				.timeout(Duration.ofSeconds(2)).build();
		awaitStartup("ready", () -> {
			try {
				return http.send(readiness, BodyHandlers.discarding()).statusCode() == 200;
			} catch (IOException e) {
				return false;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		});
		startupMillis = (System.nanoTime() - startedNanos) / 1_000_000;
	}

	private void awaitStartup(String state, BooleanSupplier reached) {
		long deadline = startedNanos + STARTUP_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server exited during start-up; see " + launch.log());
			}
			if (reached.getAsBoolean()) {
				return;
			}
			sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The server was not " + state + " within " + STARTUP_LIMIT + "; see " + launch.log());
	}

	public static void recreateDatabase(String name) {
		try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
				Statement sql = admin.createStatement()) {
			sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			sql.execute("CREATE DATABASE " + name);
		} catch (SQLException e) {
			throw new IllegalStateException("Cannot recreate database " + name + " on " + PG_HOST, e);
		}
	}

	public static Path builtJar() {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(file -> file.getFileName().toString().matches("casebridge-.*\\.jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("No server jar in target/: run mvn package first"));
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new IllegalStateException(e);
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
