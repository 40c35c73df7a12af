package org.casebridge.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers FHIR requests with 503 and {@code Retry-After} until the application is ready: Tomcat
 * listens before the CaseBridge package is stored and the validator warmed, and a request served
 * then would be checked against an incomplete package (and its CapabilityStatement cached without
 * our profiles). Spring marks readiness once every start-up runner has finished, and takes it back
 * when a graceful shutdown begins, so the FHIR endpoint and {@code /actuator/health/readiness}
 * always agree.
 */
class ReadinessGateFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER_SECONDS = "5";

	private final ApplicationAvailability availability;
	private final OperationOutcomeWriter outcomes;

	ReadinessGateFilter(ApplicationAvailability availability, OperationOutcomeWriter outcomes) {
		this.availability = availability;
		this.outcomes = outcomes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		outcomes.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
				"The server is starting or stopping and does not accept requests yet; retry shortly");
	}
}
