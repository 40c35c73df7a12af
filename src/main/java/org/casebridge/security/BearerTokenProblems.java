package org.casebridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.casebridge.server.OperationOutcomeWriter;
import org.casebridge.server.RefusedRequests;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Answers what Spring Security refuses as a FHIR client expects, with an OperationOutcome: a missing
 * or bad token 401 (403 for too little scope) with the {@code WWW-Authenticate: Bearer} challenge
 * and RFC 6750 §3.1 error code that Spring Security's resource server sets, and a URL its firewall
 * refuses (encoded slashes, {@code ..}, semicolons, control characters) 400. Each refusal is told
 * to the audit trail first.
 */
class BearerTokenProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
	private final BearerTokenAccessDeniedHandler insufficientScope = new BearerTokenAccessDeniedHandler();
	private final OperationOutcomeWriter outcomes;
	private final ObjectProvider<RefusedRequests> audit;

	BearerTokenProblems(OperationOutcomeWriter outcomes, ObjectProvider<RefusedRequests> audit) {
		this.outcomes = outcomes;
		this.audit = audit;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
			throws IOException {
		challenge.commence(request, response, refusal);
		// invalid_request (a malformed Authorization header) is 400, everything else 401.
		boolean malformedRequest = response.getStatus() == HttpServletResponse.SC_BAD_REQUEST;
		String diagnostics = refusal instanceof InvalidBearerTokenException || malformedRequest
				? "The access token is not valid: " + refusal.getMessage()
				: "This request needs an OAuth2 Bearer access token (Authorization: Bearer <token>)";
		audit.ifAvailable(trail -> trail.refused(request, response.getStatus(), diagnostics));
		outcomes.write(response, response.getStatus(), malformedRequest ? IssueType.INVALID : IssueType.LOGIN, diagnostics);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
			throws IOException {
		insufficientScope.handle(request, response, refusal);
		String diagnostics = "The access token's scopes do not allow this request";
		audit.ifAvailable(trail -> trail.refused(request, HttpServletResponse.SC_FORBIDDEN, diagnostics));
		outcomes.write(response, HttpServletResponse.SC_FORBIDDEN, IssueType.FORBIDDEN, diagnostics);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refusal)
			throws IOException {
		String diagnostics = "The request URL or a header is malformed";
		audit.ifAvailable(trail -> trail.refused(request, HttpServletResponse.SC_BAD_REQUEST, diagnostics));
		outcomes.write(response, HttpServletResponse.SC_BAD_REQUEST, IssueType.INVALID, diagnostics);
	}
}
