package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

@ExtendWith(OutputCaptureExtension.class)
class FailureOutcomeInterceptorTest {

	private static final String PHI = "insert into HFJ_RES_VER values ('{\"family\":\"Okafor\",\"birthDate\":\"1957-03-14\"}')";

	private final FailureOutcomeInterceptor interceptor = new FailureOutcomeInterceptor();
	private final SystemRequestDetails request = new SystemRequestDetails();

	@Test
	void anUnreachableDatabaseIs503WithRetryAfterHoweverHapiWrappedIt() {
		List<Throwable> failures = List.of(
				new CannotCreateTransactionException("Could not open JPA EntityManager",
						new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
				// A connection broken mid-statement, however deep in the cause chain.
				new IllegalStateException("version conflict", new SQLException("I/O error", "08006")),
				new IllegalStateException(new SQLException("the database system is shutting down", "57P03")),
				// Rolling back on a connection the outage closed.
				new IllegalStateException(new SQLException("Connection is closed")),
				// How a search that failed in HAPI's background task reaches the waiting request.
				new InternalErrorException("HAPI-1163: Search failed: HikariPool-1 - Connection is not available, "
						+ "request timed out after 2000ms."));

		for (Throwable failure : failures) {
			BaseServerResponseException answer = interceptor.translate(request, failure);
			assertThat(answer.getStatusCode()).isEqualTo(503);
			assertThat(answer.getResponseHeaders()).containsEntry("Retry-After", List.of("5"));
		}
	}

	@Test
	void aRequestPastItsTimeLimitIs400NamingTheLimit() {
		List<Throwable> failures = List.of(
				new IllegalStateException(new SQLException("canceling statement due to statement timeout", "57014")),
				new IllegalStateException(new org.hibernate.TransactionException("transaction timeout expired")));

		for (Throwable failure : failures) {
			BaseServerResponseException answer = interceptor.translate(request, failure);
			assertThat(answer.getStatusCode()).isEqualTo(400);
			assertThat(answer.getMessage()).contains("casebridge.limits.request-timeout");
		}
	}

	@Test
	void anUnexpectedFailureIs500WithoutItsMessageInTheAnswerOrTheLog(CapturedOutput log) {
		request.setRequestId("req-42");
		BaseServerResponseException answer =
				interceptor.translate(request, new DataIntegrityViolationException(PHI, new SQLException(PHI, "23505")));

		assertThat(answer.getStatusCode()).isEqualTo(500);
		assertThat(answer.getMessage()).isEqualTo(
				"An internal error occurred; the server log records it under request id req-42");
		assertThat(log.getAll())
				.contains("Internal error [req-42]: org.springframework.dao.DataIntegrityViolationException"
						+ " <- caused by java.sql.SQLException")
				.doesNotContain("Okafor").doesNotContain("HFJ_RES_VER");
	}

	@Test
	void aClientErrorIsKept() {
		assertThat(interceptor.translate(request, new InvalidRequestException("Unknown search parameter"))).isNull();
	}

	@Test
	void aPatchValueThatDoesNotFitItsElementIs422() {
		request.setRestOperationType(RestOperationTypeEnum.PATCH);
		IllegalArgumentException fromPatchEngine = new IllegalArgumentException("Can not set DateType field");
		fromPatchEngine.setStackTrace(new StackTraceElement[] {
			new StackTraceElement("ca.uhn.fhir.jpa.patch.FhirPatch", "handleAddOperation", "FhirPatch.java", 182)
		});

		assertThat(interceptor.translate(request, fromPatchEngine).getStatusCode()).isEqualTo(422);
	}
}
