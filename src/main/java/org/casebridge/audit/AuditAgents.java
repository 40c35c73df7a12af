package org.casebridge.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import java.util.Optional;
import org.casebridge.server.RequestCaller;
import org.casebridge.server.RequestCaller.Caller;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Who and what an AuditEvent names (IHE BALP agents and entities): the user ({@code fhirUser}; for
 * a community organisation's service the organisation; else the token's subject) and the OAuth2
 * client, from the verified token. They are identifiers rather than references, so an event never
 * fails to store for a user the server holds no resource for; without a token (or without access
 * control) both are named as unauthenticated.
 */
class AuditAgents implements IBalpAuditContextServices {

	static final String USERS = "urn:casebridge:audit:user";
	static final String CLIENTS = "urn:casebridge:audit:client";

	private final ObjectProvider<RequestCaller> callers;

	AuditAgents(ObjectProvider<RequestCaller> callers) {
		this.callers = callers;
	}

	@Override
	public Reference getAgentClientWho(RequestDetails request) {
		return client(caller(request));
	}

	@Override
	public Reference getAgentUserWho(RequestDetails request) {
		return user(caller(request));
	}

	/** The user of the request this thread serves, for a refusal before the FHIR server saw it. */
	Reference currentUser() {
		return user(requestCaller().flatMap(RequestCaller::current));
	}

	/** The client of the request this thread serves, for a refusal before the FHIR server saw it. */
	Reference currentClient() {
		return client(requestCaller().flatMap(RequestCaller::current));
	}

	private Reference user(Optional<Caller> caller) {
		return agent(caller.flatMap(Caller::party).or(() -> caller.flatMap(Caller::subject)), USERS,
				requestCaller().isPresent() ? "unauthenticated user" : "unauthenticated user (access control off)");
	}

	private static Reference client(Optional<Caller> caller) {
		return agent(caller.flatMap(Caller::client), CLIENTS, "unauthenticated client");
	}

	/**
	 * What an event's entities point at: the resource's own version ({@code Patient/1/_history/2}), as
	 * a relative reference, for HAPI stores no absolute reference to itself.
	 */
	@Override
	public String massageResourceIdForStorage(RequestDetails request, IBaseResource resource, IIdType id) {
		return id.toUnqualified().getValue();
	}

	/** The request as its AuditEvents name it. */
	AuditedRequest request(RequestDetails request) {
		return new AuditedRequest(request.getRequestType().name(), request.getCompleteUrl(), request.getFhirServerBase(),
				getNetworkAddress(request), Optional.ofNullable(request.getRequestId()), getAgentUserWho(request),
				getAgentClientWho(request));
	}

	private Optional<Caller> caller(RequestDetails request) {
		return requestCaller().flatMap(known -> known.of(request));
	}

	/** Who made requests, as access control reads their tokens; none when access control is off. */
	private Optional<RequestCaller> requestCaller() {
		return Optional.ofNullable(callers.getIfAvailable());
	}

	private static Reference agent(Optional<String> name, String system, String unknown) {
		return name.map(value -> new Reference().setIdentifier(new Identifier().setSystem(system).setValue(value))
				.setDisplay(value)).orElseGet(() -> new Reference().setDisplay(unknown));
	}
}
