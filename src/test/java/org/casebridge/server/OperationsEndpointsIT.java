package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.casebridge.FhirServerTestBase;
import org.junit.jupiter.api.Test;

class OperationsEndpointsIT extends FhirServerTestBase {

	@Test
	void readinessReportsTheDatabase() {
		HttpResponse<String> health = send(request("/actuator/health/readiness").GET().build());

		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(send(request("/actuator/health").GET().build()).body()).contains("readiness");
	}

	@Test
	void openApiDocumentsTheFhirApi() {
		HttpResponse<String> docs = send(request("/fhir/api-docs").GET().build());

		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("openapi: 3.0", "title: CaseBridge", "/Patient/{id}:", "/CarePlan:");
	}

	@Test
	void corsAllowsTheConfiguredOriginOnly() {
		HttpResponse<String> allowed = send(preflight("https://app.casebridge.test"));
		HttpResponse<String> other = send(preflight("https://elsewhere.example"));

		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.casebridge.test");
		assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private java.net.http.HttpRequest preflight(String origin) {
		return request("/fhir/Patient")
				.header("Origin", origin)
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "content-type")
				.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
				.build();
	}
}
