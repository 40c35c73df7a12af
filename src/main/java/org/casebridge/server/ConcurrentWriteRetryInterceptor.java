package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.springframework.stereotype.Component;

/**
 * Retries a write that lost a race with a concurrent one, instead of answering 409.
 *
 * <p>HAPI guards conditional creates with a unique index on the match URL
 * ({@code HFJ_RES_SEARCH_URL}): when two EHRs send the same {@code If-None-Exist} at once, one
 * insert wins and the other fails. Re-running the loser's transaction finds the winner's resource
 * and answers 200 with it, which is what the FHIR conditional-create contract promises. A stale
 * {@code If-Match} still fails on the retry, so no lost update slips through.
 */
@Component
@Interceptor
class ConcurrentWriteRetryInterceptor {

	private static final int MAX_RETRIES = 5;

	@Hook(Pointcut.STORAGE_VERSION_CONFLICT)
	ResourceVersionConflictResolutionStrategy retry(RequestDetails request) {
		ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
		strategy.setRetry(true);
		strategy.setMaxRetries(MAX_RETRIES);
		return strategy;
	}
}
