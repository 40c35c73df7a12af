package org.casebridge.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.ServletRequestTracing;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.lang3.StringUtils;
import org.casebridge.server.RefusedRequests;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.utilities.Utilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Every request that did not succeed is an AuditEvent too (HIPAA §164.312(b) asks for the
 * attempts as well as the accesses): a denial (401 from the token check, 403 from the access
 * rules) and every failure, each with the status and reason as its outcome, who asked, what for
 * and for which client. HAPI's BALP capture records successes only.
 *
 * <p>A failed write rolled back with its own event; this one is stored in a transaction of its
 * own. When that cannot work (a 503: the database is unreachable) or fails, the log keeps the
 * request id and status, never the request itself.
 */
@Component
@Interceptor
@Profile(AuditConfig.AUDITED)
class FailedRequestAudit implements RefusedRequests {

	private static final Logger log = LoggerFactory.getLogger(FailedRequestAudit.class);
	private static final int OUTCOME_LENGTH = 500;

	private final AuditEventStore store;
	private final AuditAgents agents;
	private final AuditedPatients patients;

	FailedRequestAudit(AuditEventStore store, AuditAgents agents, AuditedPatients patients) {
		this.store = store;
		this.agents = agents;
		this.patients = patients;
	}

	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	boolean failed(RequestDetails request, BaseServerResponseException failure) {
		if (failure.getStatusCode() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
			// The database is unreachable: trying to store the event would only hold the 503 back by a connection timeout.
			log.warn("The audit event of failed request [{}] (503) was not stored: the database is unavailable",
					request.getRequestId());
			return true;
		}
		RestOperationTypeEnum operation = request.getRestOperationType() == null
				? AuditedRequest.interaction(request.getRequestType().name(), request.getId() != null && request.getId().hasIdPart())
				: request.getRestOperationType();
		Optional<String> data = Optional.ofNullable(request.getId()).filter(IIdType::hasIdPart)
				.filter(id -> request.getResourceName() != null)
				.map(id -> id.withResourceType(request.getResourceName()).toUnqualified().getValue());
		record(agents.request(request), operation, data, patients.addressedBy(request), failure.getStatusCode(),
				failure.getMessage(), request.getRequestId());
		return true;
	}

	@Override
	public void refused(HttpServletRequest request, int status, String reason) {
		String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
		String url = request.getRequestURL() + query;
		String base = url.substring(0, url.indexOf(request.getRequestURI())) + request.getContextPath() + "/fhir";
		// The client's own X-Request-ID when it sent a valid one, as HAPI would take it.
		String requestId = ServletRequestTracing.getOrGenerateRequestId(request);
		AuditedRequest refused = new AuditedRequest(request.getMethod(), url, base, request.getRemoteAddr(),
				Optional.of(requestId), agents.currentUser(), agents.currentClient());
		String[] path = StringUtils.removeStart(request.getRequestURI(), request.getContextPath() + "/fhir/").split("/");
		// Only an id as FHIR allows it names a resource: a URL the firewall refused may hold anything.
		boolean instance = path.length > 1 && Utilities.isValidId(path[1]);
		Optional<String> data = instance ? Optional.of(path[0] + "/" + path[1]) : Optional.empty();
		Set<String> patient = data.filter(id -> id.startsWith("Patient/")).map(Set::of).orElse(Set.of());
		record(refused, AuditedRequest.interaction(request.getMethod(), instance), data, patient, status, reason, requestId);
	}

	private void record(AuditedRequest request, RestOperationTypeEnum operation, Optional<String> data,
			Set<String> patients, int status, String reason, String requestId) {
		AuditEvent event = request.event(AuditedRequest.profile(operation), operation, data, patients,
				status >= 500 ? AuditEventOutcome._8 : AuditEventOutcome._4,
				StringUtils.abbreviate(status + " " + StringUtils.defaultString(reason), OUTCOME_LENGTH));
		try {
			store.recordAuditEvent(event);
		} catch (RuntimeException e) {
			log.error("The audit event of failed request [{}] ({}) could not be stored: {}", requestId, status,
					e.getClass().getName());
		}
	}
}
