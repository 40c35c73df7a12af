package org.casebridge.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * What this server tells SMART clients about its authorization server, from the issuer's metadata:
 * the {@code /.well-known/smart-configuration} document (SMART App Launch v2 §2.0.3) and the
 * CapabilityStatement's {@code rest.security} with the {@code oauth-uris} extension (§2.0.4).
 */
final class SmartConfiguration {

	static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

	/** The scopes this server understands; every resource type may stand in for {@code *}. */
	static final List<String> SCOPES_SUPPORTED = List.of(
			"openid", "fhirUser", "launch/patient", "offline_access",
			"patient/*.cruds", "user/*.cruds", "system/*.cruds",
			"patient/*.read", "patient/*.write", "user/*.read", "user/*.write", "system/*.read", "system/*.write",
			SmartScopes.ADMINISTRATOR);

	private final IssuerMetadata issuer;

	SmartConfiguration(IssuerMetadata issuer) {
		this.issuer = issuer;
	}

	/** The {@code .well-known/smart-configuration} document. */
	Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("issuer", issuer.issuer().toString());
		document.put("jwks_uri", issuer.jwkSetUri().toString());
		issuer.endpoint("authorization_endpoint").ifPresent(uri -> document.put("authorization_endpoint", uri));
		issuer.endpoint("token_endpoint").ifPresent(uri -> document.put("token_endpoint", uri));
		document.put("grant_types_supported", or(issuer.list("grant_types_supported"), List.of("authorization_code")));
		document.put("token_endpoint_auth_methods_supported",
				or(issuer.list("token_endpoint_auth_methods_supported"), List.of("client_secret_basic")));
		issuer.endpoint("registration_endpoint").ifPresent(uri -> document.put("registration_endpoint", uri));
		issuer.endpoint("introspection_endpoint").ifPresent(uri -> document.put("introspection_endpoint", uri));
		issuer.endpoint("revocation_endpoint").ifPresent(uri -> document.put("revocation_endpoint", uri));
		issuer.endpoint("userinfo_endpoint").ifPresent(uri -> document.put("userinfo_endpoint", uri));
		document.put("scopes_supported", SCOPES_SUPPORTED);
		document.put("response_types_supported", or(issuer.list("response_types_supported"), List.of("code")));
		List<String> challenges = issuer.list("code_challenge_methods_supported");
		if (!challenges.isEmpty()) {
			document.put("code_challenge_methods_supported", challenges);
		}
		document.put("capabilities", capabilities(document));
		return document;
	}

	/** {@code rest.security}: SMART-on-FHIR, with the endpoints a client needs to get a token. */
	CapabilityStatementRestSecurityComponent restSecurity() {
		CapabilityStatementRestSecurityComponent security = new CapabilityStatementRestSecurityComponent();
		security.addService(new CodeableConcept().addCoding(new Coding(
				"http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")))
				.setDescription("OAuth2 Bearer tokens from " + issuer.issuer() + " with SMART App Launch v2 (and v1)"
						+ " scopes; see .well-known/smart-configuration. Administrative operations need "
						+ SmartScopes.ADMINISTRATOR + ".");
		try {
			Extension uris = new Extension(OAUTH_URIS);
			issuer.endpoint("token_endpoint").ifPresent(uri -> uris.addExtension("token", new UriType(uri)));
			issuer.endpoint("authorization_endpoint").ifPresent(uri -> uris.addExtension("authorize", new UriType(uri)));
			issuer.endpoint("registration_endpoint").ifPresent(uri -> uris.addExtension("register", new UriType(uri)));
			issuer.endpoint("introspection_endpoint").ifPresent(uri -> uris.addExtension("introspect", new UriType(uri)));
			issuer.endpoint("revocation_endpoint").ifPresent(uri -> uris.addExtension("revoke", new UriType(uri)));
			security.addExtension(uris);
		} catch (IllegalStateException unreachable) {
			// The issuer is down: the statement still says how tokens work, and HAPI regenerates it later.
		}
		return security;
	}

	private static List<String> capabilities(Map<String, Object> document) {
		List<String> capabilities = new ArrayList<>();
		@SuppressWarnings("unchecked")
		List<String> authMethods = (List<String>) document.get("token_endpoint_auth_methods_supported");
		if (document.containsKey("authorization_endpoint")) {
			capabilities.addAll(List.of("launch-standalone", "client-public", "context-standalone-patient"));
		}
		if (authMethods.contains("client_secret_basic") || authMethods.contains("client_secret_post")) {
			capabilities.add("client-confidential-symmetric");
		}
		if (authMethods.contains("private_key_jwt")) {
			capabilities.add("client-confidential-asymmetric");
		}
		if (document.containsKey("userinfo_endpoint")) {
			capabilities.add("sso-openid-connect");
		}
		capabilities.addAll(List.of("permission-patient", "permission-user", "permission-v1", "permission-v2"));
		return capabilities;
	}

	private static List<String> or(List<String> values, List<String> fallback) {
		return values.isEmpty() ? fallback : values;
	}
}
