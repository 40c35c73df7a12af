package org.casebridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.casebridge.server.OperationOutcomeWriter;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * {@code GET /fhir/.well-known/smart-configuration} (SMART App Launch v2 §2.0.3), public like
 * {@code /metadata}. Mapped on its exact path, which takes precedence over the FHIR servlet's
 * {@code /fhir/*}.
 */
class SmartConfigurationServlet extends HttpServlet {

	static final String PATH = "/fhir/.well-known/smart-configuration";

	private final transient SmartConfiguration configuration;
	private final transient ObjectMapper json;
	private final transient OperationOutcomeWriter outcomes;

	SmartConfigurationServlet(SmartConfiguration configuration, ObjectMapper json, OperationOutcomeWriter outcomes) {
		this.configuration = configuration;
		this.json = json;
		this.outcomes = outcomes;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		byte[] body;
		try {
			body = json.writeValueAsBytes(configuration.document());
		} catch (IllegalStateException e) {
			response.setHeader("Retry-After", "5");
			outcomes.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
					"The authorization server's metadata cannot be read; retry shortly");
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "max-age=300");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
