package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.junit.jupiter.api.Test;

class ConcurrentWriteRetryInterceptorTest {

	private final ConcurrentWriteRetryInterceptor interceptor = new ConcurrentWriteRetryInterceptor();

	@Test
	void aConditionalCreateThatLostTheRaceIsRetried() {
		assertThat(interceptor.retry(new SystemRequestDetails()).isRetry()).isTrue();
	}

	/** A stale If-Match would fail on every retry: it was retried five times (1–2 s) before its 409. */
	@Test
	void aWriteBasedOnAStaleVersionIsNotRetried() {
		SystemRequestDetails staleUpdate = new SystemRequestDetails();
		staleUpdate.addHeader("If-Match", "W/\"1\"");

		assertThat(interceptor.retry(staleUpdate).isRetry()).isFalse();
	}
}
