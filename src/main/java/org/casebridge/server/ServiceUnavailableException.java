package org.casebridge.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/** 503: the server cannot answer now (its database is unreachable) and says when to try again. */
class ServiceUnavailableException extends BaseServerResponseException {

	ServiceUnavailableException(String message, String retryAfterSeconds) {
		super(503, message);
		addResponseHeader("Retry-After", retryAfterSeconds);
	}
}
