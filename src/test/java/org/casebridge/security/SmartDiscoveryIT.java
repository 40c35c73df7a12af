package org.casebridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.Extension;
import org.junit.jupiter.api.Test;

/**
 * A SMART client finds where to get a token without one: {@code .well-known/smart-configuration}
 * (SMART App Launch v2 §2.0.3) and the CapabilityStatement's {@code rest.security} (§2.0.4), both
 * with the endpoints the test authorization server publishes in its own metadata.
 */
class SmartDiscoveryIT extends SecuredServerTestBase {

	@Test
	void smartConfigurationIsPublicAndNamesTheIssuersEndpoints() throws Exception {
		HttpResponse<String> response = send(request("/fhir/.well-known/smart-configuration").build());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		JsonNode configuration = new ObjectMapper().readTree(response.body());
		String issuer = TestAuthorizationServer.issuer();
		assertThat(configuration.path("issuer").asText()).isEqualTo(issuer);
		assertThat(configuration.path("token_endpoint").asText()).isEqualTo(issuer + "/oauth2/token");
		assertThat(configuration.path("authorization_endpoint").asText()).isEqualTo(issuer + "/oauth2/authorize");
		assertThat(configuration.path("jwks_uri").asText()).isEqualTo(issuer + "/oauth2/jwks");
		assertThat(configuration.path("grant_types_supported").toString()).contains("\"client_credentials\"");
		assertThat(configuration.path("scopes_supported").toString())
				.contains("\"patient/*.cruds\"", "\"system/*.read\"", "\"" + SmartScopes.ADMINISTRATOR + "\"");
		assertThat(configuration.path("capabilities").toString())
				.contains("\"permission-v2\"", "\"permission-v1\"", "\"permission-patient\"", "\"client-confidential-symmetric\"");
	}

	@Test
	void theCapabilityStatementDeclaresSmartOnFhirWithTheOauthUris() {
		CapabilityStatement capabilities = parse(get("/fhir/metadata", null), CapabilityStatement.class);

		CapabilityStatementRestSecurityComponent security = capabilities.getRestFirstRep().getSecurity();
		assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
		Extension uris = security.getExtensionByUrl(SmartConfiguration.OAUTH_URIS);
		assertThat(uris.getExtensionString("token")).isEqualTo(TestAuthorizationServer.issuer() + "/oauth2/token");
		assertThat(uris.getExtensionString("authorize")).isEqualTo(TestAuthorizationServer.issuer() + "/oauth2/authorize");
	}

	@Test
	void theCapabilityStatementMarksAdministrativeOperationsWithTheScopeTheyNeed() {
		CapabilityStatement capabilities = parse(get("/fhir/metadata", null), CapabilityStatement.class);

		assertThat(capabilities.getRestFirstRep().getOperation())
				.filteredOn(operation -> operation.getName().equals("mark-all-resources-for-reindexing"))
				.singleElement()
				.satisfies(operation -> assertThat(operation.getDocumentation()).contains(SmartScopes.ADMINISTRATOR));
	}
}
