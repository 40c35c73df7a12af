package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One log line per FHIR request: verb, operation, resource type or id, status and duration.
 *
 * <p>Records here are protected health information, so the line never carries what can hold
 * PHI: no request or response bodies, no query strings (a search by name or birth date is
 * PHI), no exception messages (they may quote submitted values).
 */
@Component
@Interceptor
class RequestLogInterceptor {

	private static final Logger log = LoggerFactory.getLogger("casebridge.requests");

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED_NORMALLY)
	void completed(ServletRequestDetails request) {
		log.info("{} {} {} -> {} in {} ms [{}]",
				request.getRequestType(),
				request.getRestOperationType(),
				target(request),
				request.getServletResponse().getStatus(),
				request.getRequestStopwatch().getMillis(),
				request.getRequestId());
	}

	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	boolean failed(RequestDetails request, BaseServerResponseException exception) {
		log.info("{} {} {} -> {} {} in {} ms [{}]",
				request.getRequestType(),
				request.getRestOperationType(),
				target(request),
				exception.getStatusCode(),
				exception.getClass().getSimpleName(),
				request.getRequestStopwatch().getMillis(),
				request.getRequestId());
		return true;
	}

	/** The resource (type or id) and operation addressed, e.g. {@code Patient/123 $everything}. */
	private static String target(RequestDetails request) {
		String target;
		if (request.getId() != null && request.getId().hasIdPart()) {
			target = request.getId().toUnqualified().getValue();
		} else {
			target = request.getResourceName() == null ? "/" : request.getResourceName();
		}
		return request.getOperation() == null ? target : target + " " + request.getOperation();
	}
}
