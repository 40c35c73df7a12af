package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.casebridge.security.TestAuthorizationServer.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every FHIR request needs a Bearer JWT that the configured issuer signed, that is current, and that
 * names this server as audience (RFC 6750, RFC 7519 §4.1). Bad tokens are minted with Nimbus: each
 * differs from a token the server accepts in one respect only, so each refusal is for that reason.
 */
class BearerTokenIT extends SecuredServerTestBase {

	private static final String PATIENT_SEARCH = "/fhir/Patient?_count=1";

	@Test
	void aRequestWithoutATokenIs401WithABearerChallengeAndAnOperationOutcome() {
		HttpResponse<String> response = get(PATIENT_SEARCH, null);

		assertRefusedWithOperationOutcome(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
				assertThat(challenge).startsWith("Bearer").doesNotContain("error="));
	}

	@Test
	void aTokenFromTheIssuerIsAccepted() {
		assertThat(get(PATIENT_SEARCH, token(Client.EHR_BACKEND, "system/Patient.rs")).statusCode()).isEqualTo(200);
	}

	@Test
	void aTokenMintedLikeTheIssuersIsAcceptedSoTheRefusalsBelowAreForTheirOneDifference() throws Exception {
		assertThat(get(PATIENT_SEARCH, signed(valid().build(), TestAuthorizationServer.signingKey())).statusCode())
				.isEqualTo(200);
	}

	static Stream<Arguments> badTokens() throws Exception {
		Instant now = Instant.now();
		RSAKey issuerKey = TestAuthorizationServer.signingKey();
		RSAKey unknownKey = new RSAKeyGenerator(2048).keyID(issuerKey.getKeyID()).generate();
		return Stream.of(
				Arguments.of("expired", signed(valid().issueTime(Date.from(now.minusSeconds(1200)))
						.notBeforeTime(Date.from(now.minusSeconds(1200))).expirationTime(Date.from(now.minusSeconds(600))).build(), issuerKey)),
				Arguments.of("not yet valid", signed(valid().notBeforeTime(Date.from(now.plusSeconds(600)))
						.expirationTime(Date.from(now.plusSeconds(1200))).build(), issuerKey)),
				Arguments.of("without expiry", signed(valid().expirationTime(null).build(), issuerKey)),
				Arguments.of("wrong audience", signed(valid().audience("https://other.example/fhir").build(), issuerKey)),
				Arguments.of("wrong issuer", signed(valid().issuer("https://issuer.example").build(), issuerKey)),
				Arguments.of("unknown key", signed(valid().build(), unknownKey)),
				Arguments.of("alg none", new PlainJWT(valid().build()).serialize()),
				Arguments.of("tampered payload", tampered(signed(valid().build(), issuerKey),
						claims -> claims.claim("scope", "system/*.cruds system/casebridge.admin"))),
				Arguments.of("not a JWT", "not-a-jwt"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void aBadTokenIs401WithInvalidTokenAndAnOperationOutcome(String what, String token) {
		HttpResponse<String> response = get(PATIENT_SEARCH, token);

		assertRefusedWithOperationOutcome(response, 401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge ->
				assertThat(challenge).startsWith("Bearer").contains("error=\"invalid_token\""));
	}

	@Test
	void theCapabilityStatementTheOpenApiDescriptionAndActuatorHealthNeedNoToken() {
		assertThat(get("/fhir/metadata", null).statusCode()).isEqualTo(200);
		assertThat(send(request("/fhir/api-docs").header("Accept", "application/json").build()).statusCode()).isEqualTo(200);
		assertThat(send(request("/actuator/health").build()).statusCode()).isEqualTo(200);
	}

	@Test
	void aBrowsersCorsPreflightNeedsNoTokenSinceItCannotCarryOne() {
		HttpResponse<String> preflight = send(request("/fhir/Patient").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", BROWSER_APP).header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "authorization").build());

		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(BROWSER_APP);
	}

	/** Claims the issuer would put in a token for the EHR backend, valid for five minutes. */
	private static JWTClaimsSet.Builder valid() {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder()
				.issuer(TestAuthorizationServer.issuer())
				.audience(TestAuthorizationServer.AUDIENCE)
				.subject(Client.EHR_BACKEND.id)
				.claim("scope", "system/Patient.rs")
				.issueTime(Date.from(now))
				.notBeforeTime(Date.from(now))
				.expirationTime(Date.from(now.plusSeconds(300)));
	}

	private static String signed(JWTClaimsSet claims, RSAKey key) throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
				.type(JOSEObjectType.JWT).build(), claims);
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

	/** The token with its payload changed and its signature kept. */
	private static String tampered(String token, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
		String[] parts = token.split("\\.");
		JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
		String payload = Base64URL.encode(change.apply(new JWTClaimsSet.Builder(claims)).build().toString()).toString();
		return parts[0] + "." + payload + "." + parts[2];
	}
}
