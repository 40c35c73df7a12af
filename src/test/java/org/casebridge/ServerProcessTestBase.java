package org.casebridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * For fault tests that run the built server as a process ({@code *FaultIT}): fresh databases named
 * {@code casebridge_fault_*}, a plain HTTP client that records how each exchange ended and how
 * long it took, and the assertions every fault test makes about an unavailable server.
 */
public abstract class ServerProcessTestBase {

	protected static final String FHIR_JSON = "application/fhir+json";
	protected static final ObjectMapper JSON = new ObjectMapper();
	/** Tags every resource a test writes, so counts never include another run's. */
	protected static final String RUN_TAG_SYSTEM = "http://casebridge.test/fault-run";

	protected final String run = UUID.randomUUID().toString().substring(0, 8);
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** How one request ended: an answer, or a failure such as a refused connection or a timeout. */
	public record Exchange(String request, long startNanos, long endNanos, int status, String body,
			Optional<String> retryAfter, Optional<Exception> failure) {

		public Duration latency() {
			return Duration.ofNanos(endNanos - startNanos);
		}

		public boolean answered() {
			return failure.isEmpty();
		}

		public boolean timedOut() {
			return failure.filter(HttpTimeoutException.class::isInstance).isPresent();
		}

		public JsonNode json() {
			try {
				return JSON.readTree(body);
			} catch (IOException e) {
				throw new AssertionError(request + " answered " + status + " with no JSON body: " + body, e);
			}
		}

		@Override
		public String toString() {
			return request + " -> " + (answered() ? status : failure.get()) + " in " + latency().toMillis() + " ms";
		}
	}

	/** The search parameter that finds what this test run wrote. */
	protected String runTagSearch() {
		return "_tag=" + RUN_TAG_SYSTEM + "%7C" + run;
	}

	/** The tag every resource this test run writes carries, as a JSON {@code meta} member. */
	protected String runTagMeta() {
		return "\"meta\":{\"tag\":[{\"system\":\"" + RUN_TAG_SYSTEM + "\",\"code\":\"" + run + "\"}]}";
	}

	/** The single number {@code query} answers in {@code database}, such as a count. */
	protected static long count(String database, String query) {
		try (Connection connection = DriverManager.getConnection(ServerProcess.jdbcUrl(database), "postgres", "");
				Statement sql = connection.createStatement();
				ResultSet count = sql.executeQuery(query)) {
			count.next();
			return count.getLong(1);
		} catch (SQLException e) {
			throw new IllegalStateException("Cannot query " + database + ": " + e.getMessage(), e);
		}
	}

	/** Drops and creates {@code casebridge_fault_<name>}, returning its name. */
	protected static String freshDatabase(String name) {
		String database = "casebridge_fault_" + name;
		ServerProcess.recreateDatabase(database);
		return database;
	}

	protected static ServerProcess.Launch launch(String name, String jdbcUrl) {
		return ServerProcess.Launch.of("postgres", jdbcUrl, "fault-" + name);
	}

	protected Exchange get(ServerProcess server, String path, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
		// Actuator answers 406 to a FHIR Accept header; FHIR paths get it as a FHIR client sends it.
		if (path.startsWith("/fhir/")) {
			request.header("Accept", FHIR_JSON);
		}
		return exchange("GET " + path, request, timeout);
	}

	protected Exchange post(ServerProcess server, String path, String body, Duration timeout) {
		return exchange("POST " + path, HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
				.header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
				.POST(BodyPublishers.ofString(body)), timeout);
	}

	protected Exchange exchange(String label, HttpRequest.Builder request, Duration timeout) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
			return new Exchange(label, start, System.nanoTime(), response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After"), Optional.empty());
		} catch (IOException e) {
			return new Exchange(label, start, System.nanoTime(), -1, "", Optional.empty(), Optional.of(e));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Every resource a FHIR search finds, following its {@code next} links. */
	protected List<JsonNode> searchAll(ServerProcess server, String query) {
		List<JsonNode> resources = new ArrayList<>();
		String next = "/fhir/" + query;
		while (next != null) {
			Exchange page = get(server, next, Duration.ofSeconds(30));
			assertThat(page.status()).as("%s: %s", page, page.body()).isEqualTo(200);
			JsonNode bundle = page.json();
			bundle.path("entry").forEach(entry -> resources.add(entry.path("resource")));
			next = null;
			for (JsonNode link : bundle.path("link")) {
				if ("next".equals(link.path("relation").asText())) {
					next = link.path("url").asText().substring(server.baseUrl().length());
				}
			}
		}
		return resources;
	}

	/** What a client must see while the server cannot serve: 503, an OperationOutcome and Retry-After. */
	protected static void assertUnavailable(Exchange exchange) {
		assertThat(exchange.answered()).as("%s", exchange).isTrue();
		assertThat(exchange.status()).as("%s: %s", exchange, abbreviate(exchange.body())).isEqualTo(503);
		assertThat(exchange.json().path("resourceType").asText()).as("%s body", exchange).isEqualTo("OperationOutcome");
		assertThat(exchange.retryAfter()).as("%s Retry-After", exchange).isPresent();
	}

	protected static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	protected static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
