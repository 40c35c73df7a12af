package org.casebridge.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

/**
 * Decides what a client learns when a request fails for a reason other than its own mistake, and
 * what the log keeps of it:
 *
 * <ul>
 *   <li>the database is unreachable: 503 with {@code Retry-After} (HAPI would answer 500, or 409
 *       when the failure surfaced inside its conflict handling);
 *   <li>a statement ran past the query time limit: 400, since the same request would fail again;
 *   <li>a patch whose values do not fit the elements it targets: 422 (HAPI's patch engine fails
 *       with Java's reflection errors, which HAPI answers with 500);
 *   <li>a client error whose message quotes the parser or library that found it (HAPI passes
 *       Jackson's and json-patch's messages through, class names included): the same status
 *       with a message of ours;
 *   <li>anything else unexpected: 500 with a request id, and nothing of the exception's message:
 *       those quote SQL with bound values and resource content, which are PHI.
 * </ul>
 *
 * The log line of a 500 holds the exception classes and stack frames, never their messages.
 */
@Component
@Interceptor
class FailureOutcomeInterceptor {

	private static final Logger log = LoggerFactory.getLogger("casebridge.failures");
	private static final int LOGGED_FRAMES = 15;
	private static final String PATCH_ENGINE = "ca.uhn.fhir.jpa.patch.";
	/** How Hikari, Hibernate and the PostgreSQL driver word a lost or unavailable connection. */
	private static final Pattern LOST_CONNECTION = Pattern.compile(
			"Connection is not available|Unable to acquire JDBC Connection|Could not open JPA EntityManager|An I/O error occurred"
					+ "|Connection refused|This connection has been closed|Connection is closed");
	private static final String HIBERNATE_TIMEOUT = "transaction timeout expired";
	/** Java package names of the libraries and frameworks below HAPI. */
	private static final Pattern INTERNAL_NAMES = Pattern.compile(
			"\\b(com\\.fasterxml|com\\.google|com\\.github|org\\.springframework|org\\.hibernate|org\\.apache"
					+ "|org\\.postgresql|java\\.(lang|io|util)|javax?\\.xml|jakarta)\\.");

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	BaseServerResponseException translate(RequestDetails request, Throwable failure) {
		if (causedBy(failure, FailureOutcomeInterceptor::isConnectionFailure)) {
			return new ServiceUnavailableException(
					"The database is unavailable; retry shortly", ReadinessGateFilter.RETRY_AFTER_SECONDS);
		}
		if (causedBy(failure, FailureOutcomeInterceptor::isTimeout)) {
			return new InvalidRequestException("The request ran longer than the server's time limit "
					+ "(casebridge.limits.request-timeout); narrow the search or split the Bundle");
		}
		if (request != null && request.getRestOperationType() == RestOperationTypeEnum.PATCH && raisedByPatchEngine(failure)) {
			return new UnprocessableEntityException("The patch cannot be applied: a value does not fit the element it targets");
		}
		if (failure instanceof BaseServerResponseException response && response.getStatusCode() < 500) {
			return namesInternals(response) ? BaseServerResponseException.newInstance(response.getStatusCode(),
					plainMessage(request)) : null;
		}
		if (failure instanceof DataFormatException) {
			// HAPI's parser refusing what the client sent (a search value, a body): the client's mistake.
			return new InvalidRequestException(failure.getMessage());
		}
		String requestId = request == null ? "unknown" : request.getRequestId();
		log.error("Internal error [{}]: {}", requestId, withoutMessages(failure));
		return new InternalErrorException("An internal error occurred; the server log records it under request id " + requestId);
	}

	private static boolean causedBy(Throwable failure, Predicate<Throwable> test) {
		return causes(failure).stream().anyMatch(test);
	}

	/** The failure and its causes, outermost first (bounded: a cause chain may loop). */
	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null && causes.size() < 20; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	private static boolean isConnectionFailure(Throwable cause) {
		if (cause instanceof SQLTransientConnectionException
				|| cause instanceof ConnectException
				|| cause instanceof CannotCreateTransactionException
				|| cause instanceof JDBCConnectionException) {
			return true;
		}
		// HAPI's search task keeps a failure as text only and rethrows it as a bare 500 to the
		// request waiting for the search, and Hikari reports a connection closed under a rollback
		// without an SQLSTATE: the text is all that is left to tell an outage by.
		boolean textOnly = cause instanceof SQLException || (cause instanceof InternalErrorException && cause.getCause() == null);
		if (textOnly && cause.getMessage() != null && LOST_CONNECTION.matcher(cause.getMessage()).find()) {
			return true;
		}
		// SQLSTATE class 08 is "connection exception"; 57P01-57P03 are PostgreSQL shutting down or starting.
		String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
		return state != null && (state.startsWith("08") || state.startsWith("57P"));
	}

	private static boolean isTimeout(Throwable cause) {
		// SQLSTATE 57014: statement cancelled, by the statement or transaction time limit; Hibernate
		// refuses to start another statement once the transaction's time is up.
		return cause instanceof TransactionTimedOutException
				|| cause instanceof SQLTimeoutException
				|| (cause instanceof TransactionException && HIBERNATE_TIMEOUT.equals(cause.getMessage()))
				|| (cause instanceof SQLException sql && "57014".equals(sql.getSQLState()));
	}

	private static boolean namesInternals(BaseServerResponseException response) {
		return response.getOperationOutcome() == null
				&& response.getMessage() != null
				&& INTERNAL_NAMES.matcher(response.getMessage()).find();
	}

	private static String plainMessage(RequestDetails request) {
		return request != null && request.getRestOperationType() == RestOperationTypeEnum.PATCH
				? "The patch is not a valid JSON Patch (RFC 6902) or FHIRPath Patch document"
				: "The request is not valid: its body or parameters could not be read";
	}

	private static boolean raisedByPatchEngine(Throwable failure) {
		return !(failure instanceof BaseServerResponseException response && response.getStatusCode() < 500)
				&& causes(failure).stream().flatMap(cause -> Arrays.stream(cause.getStackTrace()))
						.anyMatch(frame -> frame.getClassName().startsWith(PATCH_ENGINE));
	}

	/** The cause chain as classes and the innermost cause's top frames. */
	private static String withoutMessages(Throwable failure) {
		List<Throwable> causes = causes(failure);
		String classes = causes.stream().map(cause -> cause.getClass().getName()).collect(Collectors.joining(" <- caused by "));
		return classes + Arrays.stream(causes.get(causes.size() - 1).getStackTrace()).limit(LOGGED_FRAMES)
				.map(frame -> "\n\tat " + frame)
				.collect(Collectors.joining());
	}
}
