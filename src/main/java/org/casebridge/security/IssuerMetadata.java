package org.casebridge.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The configured issuer's metadata: OpenID Connect Discovery 1.0 §4
 * ({@code <issuer>/.well-known/openid-configuration}), or else RFC 8414
 * ({@code /.well-known/oauth-authorization-server<issuer path>}). Read when first needed and kept;
 * an issuer that is down at start-up is asked again on the next request. The metadata must name the
 * configured issuer (OpenID Connect Discovery §4.3), so a misconfigured URL cannot pass another
 * issuer's keys off as this one's.
 */
class IssuerMetadata {

	private final SecurityProperties properties;
	private final ObjectMapper json;
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private volatile JsonNode metadata;

	IssuerMetadata(SecurityProperties properties, ObjectMapper json) {
		this.properties = properties;
		this.json = json;
	}

	URI issuer() {
		return properties.issuer();
	}

	/** The keys tokens are signed with: {@code jwk-set-uri} if configured, else the metadata's {@code jwks_uri}. */
	URI jwkSetUri() {
		if (properties.jwkSetUri() != null) {
			return properties.jwkSetUri();
		}
		return endpoint("jwks_uri").map(URI::create)
				.orElseThrow(() -> new IllegalStateException("The issuer's metadata names no jwks_uri"));
	}

	/** A string member of the metadata, such as {@code token_endpoint}. */
	Optional<String> endpoint(String member) {
		JsonNode value = metadata().path(member);
		return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
	}

	/** A list member of the metadata, such as {@code grant_types_supported}; empty if absent. */
	List<String> list(String member) {
		JsonNode value = metadata().path(member);
		if (!value.isArray()) {
			return List.of();
		}
		return StreamSupport.stream(value.spliterator(), false).map(JsonNode::asText).toList();
	}

	private JsonNode metadata() {
		JsonNode known = metadata;
		if (known == null) {
			known = fetch();
			metadata = known;
		}
		return known;
	}

	private JsonNode fetch() {
		String issuer = properties.issuer().toString().replaceAll("/+$", "");
		URI base = properties.issuer();
		String path = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
		List<URI> locations = List.of(
				URI.create(issuer + "/.well-known/openid-configuration"),
				base.resolve("/.well-known/oauth-authorization-server" + path));
		IllegalStateException failure = new IllegalStateException("No metadata from the issuer " + issuer);
		for (URI location : locations) {
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(5))
						.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					continue;
				}
				JsonNode document = json.readTree(response.body());
				if (!issuer.equals(document.path("issuer").asText().replaceAll("/+$", ""))) {
					throw new IllegalStateException("The metadata at " + location + " names the issuer "
							+ document.path("issuer").asText() + ", not " + issuer);
				}
				return document;
			} catch (IOException e) {
				failure.addSuppressed(e);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw failure;
			}
		}
		throw failure;
	}
}
