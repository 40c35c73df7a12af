package org.casebridge.server;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests refused before the FHIR server saw them (no access token, an invalid one, a body over
 * the limits), told to
 * the audit trail so a denial is recorded wherever it happened. Without an audit trail there is
 * no such bean.
 */
public interface RefusedRequests {

	/** Called before the refusal is answered, so its record exists by the time the client reads it. */
	void refused(HttpServletRequest request, int status, String reason);
}
