package org.casebridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.Supplier;

/** A plain JSON-over-HTTP FHIR client on loopback: light enough to share two cores with the server. */
final class FhirHttp {

	static final ObjectMapper JSON = new ObjectMapper();
	private static final String FHIR_JSON = "application/fhir+json";

	/** A response with a status other than the request expected. */
	static final class UnexpectedStatus extends IllegalStateException {

		final int status;

		UnexpectedStatus(String message, int status) {
			super(message);
			this.status = status;
		}
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;
	private final Supplier<String> token;

	FhirHttp(String base) {
		this(base, null);
	}

	/** With {@code token} (when not null) as the Bearer token of every request. */
	FhirHttp(String base, Supplier<String> token) {
		this.base = base;
		this.token = token;
	}

	String base() {
		return base;
	}

	JsonNode get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", FHIR_JSON).GET(), 200);
	}

	JsonNode post(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", FHIR_JSON)
				.POST(BodyPublishers.ofString(body)), 200, 201);
	}

	JsonNode put(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", FHIR_JSON)
				.PUT(BodyPublishers.ofString(body)), 200, 201);
	}

	private URI uri(String path) {
		return URI.create(path.startsWith("http") ? path : base + "/" + path);
	}

	private JsonNode send(HttpRequest.Builder request, int... expected) {
		try {
			if (token != null) {
				request.header("Authorization", "Bearer " + token.get());
			}
			HttpResponse<String> response =
					http.send(request.timeout(Duration.ofMinutes(5)).build(), BodyHandlers.ofString());
			for (int status : expected) {
				if (response.statusCode() == status) {
					return JSON.readTree(response.body());
				}
			}
			throw new UnexpectedStatus(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + abbreviate(response.body()), response.statusCode());
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 600 ? text.substring(0, 600) + "…" : text;
	}
}
