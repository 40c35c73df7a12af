package org.casebridge.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control. Security is on whenever an issuer is configured: every FHIR request then needs a
 * Bearer JWT from that issuer (see {@link SecurityMode} for what happens without one).
 *
 * @param issuer the OAuth2 / OpenID Connect issuer whose tokens are accepted (its {@code iss});
 *     its metadata ({@code /.well-known/openid-configuration}) names the endpoints and keys
 * @param audience the {@code aud} a token must carry: this server's FHIR base URL, as SMART clients
 *     send it in {@code aud}
 * @param jwkSetUri where the issuer's signing keys are, when its metadata should not be asked
 * @param allowAnonymous run the {@code postgres} profile without an issuer, open to anyone who can
 *     reach the port (for deployments behind their own gateway, and the tests)
 */
@ConfigurationProperties("casebridge.security")
record SecurityProperties(
		URI issuer,
		String audience,
		URI jwkSetUri,
		@DefaultValue("false") boolean allowAnonymous) {

	SecurityProperties {
		if (issuer != null && issuer.toString().isBlank()) {
			issuer = null;
		}
		if (jwkSetUri != null && jwkSetUri.toString().isBlank()) {
			jwkSetUri = null;
		}
		if (issuer != null && (audience == null || audience.isBlank())) {
			throw new IllegalArgumentException("casebridge.security.audience must be set with casebridge.security.issuer:"
					+ " the FHIR base URL that tokens for this server name in aud");
		}
	}

	boolean enabled() {
		return issuer != null;
	}
}
