package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.springframework.stereotype.Component;

/**
 * Retries a write that lost a race with a concurrent one, instead of answering 409.
 *
 * <p>HAPI guards conditional creates with a unique index on the match URL
 * ({@code HFJ_RES_SEARCH_URL}): when two EHRs send the same {@code If-None-Exist} at once, one
 * insert wins and the other fails. Re-running the loser's transaction finds the winner's resource
 * and answers 200 with it, which is what the FHIR conditional-create contract promises.
 *
 * <p>A request with {@code If-Match} is not retried: it names the version it was based on, and a
 * retry would only fail again, later. Its client gets the 409 at once and reads the new version.
 */
@Component
@Interceptor
class ConcurrentWriteRetryInterceptor {

	private static final int MAX_RETRIES = 5;

	@Hook(Pointcut.STORAGE_VERSION_CONFLICT)
	ResourceVersionConflictResolutionStrategy retry(RequestDetails request) {
		ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
		strategy.setRetry(request == null || request.getHeader(Constants.HEADER_IF_MATCH) == null);
		strategy.setMaxRetries(MAX_RETRIES);
		return strategy;
	}
}
