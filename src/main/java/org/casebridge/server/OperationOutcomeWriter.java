package org.casebridge.server;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * Answers a request with an OperationOutcome where HAPI's RestfulServer is not in charge: servlet
 * filters in front of it and Tomcat's own error handling. A FHIR client gets the same kind of body
 * for every error, whoever refused the request.
 */
@Component
public class OperationOutcomeWriter {

	private static final String FHIR_JSON = "application/fhir+json;charset=utf-8";

	private final FhirContext fhirContext;

	OperationOutcomeWriter(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	public void write(HttpServletResponse response, int status, IssueType code, String diagnostics) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(diagnostics);
		byte[] body = fhirContext.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(FHIR_JSON);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}
}
