package org.casebridge.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.storage.interceptor.balp.BalpProfileEnum;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What HAPI's BALP capture does not see, audited as the answer goes out: every operation
 * ({@code $everything}, {@code $caseload}, {@code $export}, {@code $apply}, {@code $extract}, ...),
 * every history, a search that matched nothing (an attempt is worth recording too), and each read
 * or search entry of a batch or transaction, with that entry's own outcome (a batch's refused
 * writes too; its stored writes are audited as writes). Each event is the BALP query (or read)
 * shape with the request's URL as its query, and names every patient whose data the answer holds
 * (the entries of a Bundle, the references of a Parameters) or an operation addressed.
 */
@Component
@Interceptor
@Profile(AuditConfig.AUDITED)
class ResponseAudit {

	private static final Set<RestOperationTypeEnum> HISTORIES = EnumSet.of(RestOperationTypeEnum.HISTORY_INSTANCE,
			RestOperationTypeEnum.HISTORY_TYPE, RestOperationTypeEnum.HISTORY_SYSTEM);
	private static final Set<RestOperationTypeEnum> SEARCHES = EnumSet.of(RestOperationTypeEnum.SEARCH_TYPE,
			RestOperationTypeEnum.SEARCH_SYSTEM, RestOperationTypeEnum.GET_PAGE);
	private static final Set<RestOperationTypeEnum> BUNDLES = EnumSet.of(RestOperationTypeEnum.BATCH,
			RestOperationTypeEnum.TRANSACTION);

	private final AuditEventStore store;
	private final AuditAgents agents;
	private final AuditedPatients patients;

	ResponseAudit(AuditEventStore store, AuditAgents agents, AuditedPatients patients) {
		this.store = store;
		this.agents = agents;
		this.patients = patients;
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	boolean answering(RequestDetails request, ResponseDetails response) {
		RestOperationTypeEnum interaction = request.getRestOperationType();
		IBaseResource answer = response.getResponseResource();
		if (AuditedRequest.OPERATIONS.contains(interaction) || HISTORIES.contains(interaction)) {
			Set<String> touched = new TreeSet<>(patients.addressedBy(request));
			Optional.ofNullable(answer).ifPresent(shown -> touched.addAll(patients.of(List.of(shown))));
			Optional<String> target = Optional.ofNullable(request.getId()).filter(IIdType::hasIdPart)
					.map(id -> id.withResourceType(request.getResourceName()).toUnqualifiedVersionless().getValue());
			store.recordAuditEvent(agents.request(request).event(BalpProfileEnum.BASIC_QUERY, interaction, target, touched,
					AuditEventOutcome._0, null));
		} else if (SEARCHES.contains(interaction) && answer instanceof Bundle found && !found.hasEntry()) {
			store.recordAuditEvent(agents.request(request).event(BalpProfileEnum.BASIC_QUERY, interaction, Optional.empty(),
					Set.of(), AuditEventOutcome._0, null));
		} else if (BUNDLES.contains(interaction) && request.getResource() instanceof Bundle sent
				&& answer instanceof Bundle answered) {
			entries(request, sent, answered);
		}
		return true;
	}

	/** One event per read or search entry, and per refused entry; the response's entries are in the request's order. */
	private void entries(RequestDetails request, Bundle sent, Bundle answered) {
		AuditedRequest bundle = agents.request(request);
		for (int i = 0; i < sent.getEntry().size() && i < answered.getEntry().size(); i++) {
			BundleEntryComponent asked = sent.getEntry().get(i);
			BundleEntryComponent answer = answered.getEntry().get(i);
			if (!answer.getResponse().hasStatus()) {
				continue;
			}
			int status = Integer.parseInt(answer.getResponse().getStatus().split(" ")[0]);
			boolean read = asked.getRequest().getMethod() == Bundle.HTTPVerb.GET;
			if (!read && status < 400) {
				continue;
			}
			String url = asked.getRequest().getUrl();
			boolean instance = !url.contains("?") && new IdType(url).hasIdPart();
			String method = asked.getRequest().getMethod().toCode();
			RestOperationTypeEnum interaction = AuditedRequest.interaction(method, instance);
			Set<String> shown = answer.hasResource() && status < 400 ? patients.of(List.of(answer.getResource())) : Set.of();
			store.recordAuditEvent(bundle.entry(method, url).event(AuditedRequest.profile(interaction), interaction,
					instance ? Optional.of(new IdType(url).toUnqualifiedVersionless().getValue()) : Optional.empty(), shown,
					status < 400 ? AuditEventOutcome._0 : AuditEventOutcome._4, status < 400 ? null : answer.getResponse().getStatus()));
		}
	}
}
