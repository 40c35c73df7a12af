package org.casebridge.server;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Tomcat's error page, as an OperationOutcome. Tomcat answers some requests itself before any
 * servlet sees them — an encoded slash in the path, a request line or headers over
 * {@code server.max-http-request-header-size} — and its stock valve writes an HTML page (naming
 * the server's version) that no FHIR client can read. The message says what is wrong, never what
 * was sent.
 */
class OperationOutcomeErrorValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable failure) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code(status)).setDiagnostics(diagnostics(status));
		byte[] body = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
		try {
			response.setContentType("application/fhir+json");
			response.setCharacterEncoding("UTF-8");
			response.getOutputStream().write(body);
			response.finishResponse();
		} catch (IOException | IllegalStateException e) {
			// the client has gone; there is nobody to tell
		}
	}

	private static IssueType code(int status) {
		return status == 404 ? IssueType.NOTFOUND : status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID;
	}

	private static String diagnostics(int status) {
		return switch (status) {
			case 400 -> "The request could not be read: its URL is malformed (an encoded '/' is not allowed in an id), "
					+ "or its request line and headers exceed the server's limit (send long searches as POST [type]/_search)";
			case 404 -> "There is nothing at this URL; the FHIR endpoint is /fhir";
			case 405 -> "This method is not allowed at this URL";
			case 413 -> "The request is too large";
			default -> status >= 500 ? "The server could not handle the request" : "The request was refused (HTTP " + status + ")";
		};
	}
}
