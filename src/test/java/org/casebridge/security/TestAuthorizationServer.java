package org.casebridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.casebridge.ServerProcess;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A real OAuth2 / OpenID Connect authorization server (Spring Authorization Server) on loopback,
 * started once per test JVM, issuing SMART tokens by client_credentials to its clients: an EHR's
 * backend service (system scopes), a patient app (patient scopes, {@code patient} claim), two
 * case managers' apps (user scopes, {@code fhirUser} claim) and a community organisation's
 * backend service (system scopes, {@code organization} claim: a referral performer). Every token names
 * {@link #AUDIENCE} in {@code aud}. Its signing key is {@link #signingKey()}, so tests can also mint
 * tokens it would never issue.
 */
public final class TestAuthorizationServer {

	public static final String AUDIENCE = "https://casebridge.test/fhir";
	private static final String SECRET = "secret-" + UUID.randomUUID();
	/** The Patient the patient app's tokens are for, and another one. */
	static final String PATIENT = "sec-patient-a";
	static final String OTHER_PATIENT = "sec-patient-b";
	/** The case managers the two case-manager apps' tokens name: new ones each test run, with empty caseloads. */
	public static final String CASE_MANAGER = "sec-case-manager-a-" + UUID.randomUUID().toString().substring(0, 8);
	static final String OTHER_CASE_MANAGER = "sec-case-manager-b-" + UUID.randomUUID().toString().substring(0, 8);
	/** The community organisation whose backend service performs referrals. */
	static final String COMMUNITY_ORGANIZATION = "sec-community-org-" + UUID.randomUUID().toString().substring(0, 8);

	/** The clients and the scopes each may ask for. */
	public enum Client {
		EHR_BACKEND("ehr-backend", Map.of(), List.of(
				"system/*.cruds", "system/*.read", "system/*.rs", "system/Patient.rs", "system/Patient.r", "system/Patient.s",
				"system/Patient.read", "system/Patient.c", "system/Patient.cr", "system/Patient.u", "system/Patient.cru",
				"system/Observation.rs", "system/Observation.d", "system/casebridge.admin", "system/AuditEvent.rs",
				"system/AuditEvent.cruds")),
		PATIENT_APP("patient-app", Map.of("patient", PATIENT), List.of(
				"openid", "launch/patient", "patient/*.rs", "patient/*.read", "patient/Observation.read",
				"patient/Observation.rs", "patient/Patient.r", "patient/Observation.crs")),
		CASE_MANAGER_APP("case-manager", Map.of("fhirUser", "Practitioner/" + CASE_MANAGER), List.of(
				"openid", "fhirUser", "user/*.rs", "user/*.cruds", "user/CarePlan.cruds")),
		OTHER_CASE_MANAGER_APP("case-manager-b", Map.of("fhirUser", "Practitioner/" + OTHER_CASE_MANAGER), List.of(
				"openid", "fhirUser", "user/*.rs", "user/*.cruds")),
		COMMUNITY_ORG("community-org", Map.of("organization", "Organization/" + COMMUNITY_ORGANIZATION), List.of(
				"system/Task.rus", "system/ServiceRequest.rs", "system/*.rs", "system/*.cruds"));

		final String id;
		final Map<String, String> claims;
		final List<String> scopes;

		Client(String id, Map<String, String> claims, List<String> scopes) {
			this.id = id;
			this.claims = claims;
			this.scopes = scopes;
		}
	}

	private static final RSAKey KEY = rsaKey();
	private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
	private static final ObjectMapper JSON = new ObjectMapper();
	private static String issuer;

	private TestAuthorizationServer() {}

	/** The issuer URL, starting the server the first time. */
	public static synchronized String issuer() {
		if (issuer == null) {
			int port = ServerProcess.freePort();
			String url = "http://127.0.0.1:" + port;
			ConfigurableApplicationContext server = new SpringApplicationBuilder(Config.class)
					.properties(Map.of("spring.config.name", "test-authorization-server", "server.address", "127.0.0.1",
							"test.issuer", url))
					.run("--server.port=" + port);
			Runtime.getRuntime().addShutdownHook(new Thread(server::close));
			issuer = url;
		}
		return issuer;
	}

	static String tokenEndpoint() {
		return issuer() + "/oauth2/token";
	}

	/** The client secret (client_secret_basic) of {@code client}. */
	static String secret(Client client) {
		return SECRET + "-" + client.id;
	}

	/** An access token for {@code client} with {@code scopes}, by client_credentials (RFC 6749 §4.4). */
	public static String token(Client client, String scopes) {
		String credentials = Base64.getEncoder().encodeToString(
				(client.id + ":" + secret(client)).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
				.header("Authorization", "Basic " + credentials)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
						+ URLEncoder.encode(scopes, StandardCharsets.UTF_8)))
				.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The token endpoint answered " + response.statusCode() + ": " + response.body());
			}
			return JSON.readTree(response.body()).path("access_token").asText();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A token for a long run: asked for again when half its 30 minutes have passed. */
	public static Supplier<String> renewingToken(Client client, String scopes) {
		return new Supplier<>() {
			private String token;
			private long issuedNanos;

			@Override
			public synchronized String get() {
				if (token == null || System.nanoTime() - issuedNanos > TOKEN_LIFETIME.dividedBy(2).toNanos()) {
					token = token(client, scopes);
					issuedNanos = System.nanoTime();
				}
				return token;
			}
		};
	}

	static RSAKey signingKey() {
		return KEY;
	}

	private static RSAKey rsaKey() {
		try {
			return new RSAKeyGenerator(2048).keyID("test-issuer-key").generate();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Not a {@code @Configuration}: the server's own component scan covers this package, and must
	 * not find it.
	 */
	@EnableWebSecurity
	@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
	static class Config {

		@Bean
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
			return http.securityMatcher(authorizationServer.getEndpointsMatcher())
					.with(authorizationServer, server -> server.oidc(oidc -> {}))
					.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
					.csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
					.build();
		}

		@Bean
		RegisteredClientRepository clients() {
			return new InMemoryRegisteredClientRepository(Arrays.stream(Client.values()).map(client ->
					RegisteredClient.withId(client.id).clientId(client.id).clientSecret("{noop}" + secret(client))
							.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
							.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
							.scopes(scopes -> scopes.addAll(client.scopes))
							.clientSettings(ClientSettings.builder().settings(settings -> settings.putAll(client.claims)).build())
							.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
							.build()).toList());
		}

		/** SMART's claims: the FHIR server as audience, and the client's patient or fhirUser. */
		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> smartClaims() {
			return context -> {
				context.getClaims().audience(List.of(AUDIENCE));
				for (Client client : Client.values()) {
					if (client.id.equals(context.getRegisteredClient().getClientId())) {
						client.claims.forEach(context.getClaims()::claim);
					}
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> jwkSource() {
			return new ImmutableJWKSet<>(new JWKSet(KEY));
		}

		@Bean
		JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
		}

		@Bean
		AuthorizationServerSettings settings(Environment environment) {
			return AuthorizationServerSettings.builder().issuer(environment.getRequiredProperty("test.issuer")).build();
		}
	}
}
