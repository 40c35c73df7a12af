package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Refuses an {@code If-Match} header that names no version with 400. FHIR's version-aware updates
 * and deletes (R4 http.html#concurrency) send the ETag of a version, {@code W/"3"}; HAPI parses
 * anything else as a number and fails with a 500.
 */
@Component
@Interceptor
class IfMatchFormatInterceptor {

	private static final Pattern VERSION_ETAG = Pattern.compile("(W/)?\"[0-9]{1,18}\"");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	boolean check(RequestDetails request) {
		String ifMatch = request.getHeader(Constants.HEADER_IF_MATCH);
		if (ifMatch != null && !VERSION_ETAG.matcher(ifMatch.trim()).matches()) {
			throw new InvalidRequestException("If-Match must name a version as an ETag, such as W/\"3\"");
		}
		return true;
	}
}
