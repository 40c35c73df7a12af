package org.casebridge.audit;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import ca.uhn.fhir.storage.interceptor.balp.BalpProfileEnum;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Narrative.NarrativeStatus;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * A request as an AuditEvent names it, for the events HAPI's BALP capture does not make
 * (operations, failures, refusals): built in the same IHE BALP shape it gives its own, with its
 * profiles and codes, so the trail reads and searches alike whatever wrote an event.
 *
 * @param method the HTTP method
 * @param url the complete request URL, query included
 * @param serverBase the FHIR base URL, which names this server as the observer
 * @param address the client's network address
 * @param requestId the request id the response carries in {@code X-Request-ID}, when there is one
 * @param user who made the request (BALP's information recipient)
 * @param client the client application
 */
record AuditedRequest(String method, String url, String serverBase, String address, Optional<String> requestId,
		Reference user, Reference client) {

	static final Set<RestOperationTypeEnum> OPERATIONS = EnumSet.of(RestOperationTypeEnum.EXTENDED_OPERATION_SERVER,
			RestOperationTypeEnum.EXTENDED_OPERATION_TYPE, RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);
	private static final String QUERY_ROLE_DISPLAY = "Query";

	/** An entry of this batch or transaction, by its own method and URL (relative to the base, as the Bundle has it). */
	AuditedRequest entry(String entryMethod, String entryUrl) {
		return new AuditedRequest(entryMethod, serverBase + "/" + entryUrl, serverBase, address, requestId, user, client);
	}

	/**
	 * The event for this request.
	 *
	 * @param basic the BALP profile without a patient; its patient twin is used when {@code patients} is not empty
	 * @param operation the interaction, named as HAPI's BALP capture names it (subtype); an operation as {@code operation}
	 * @param data the resource acted on (e.g. {@code Observation/5}), when there is one
	 * @param patients the patients whose data the request asked for or touched, as {@code Patient/id}
	 */
	AuditEvent event(BalpProfileEnum basic, RestOperationTypeEnum operation, Optional<String> data, Collection<String> patients,
			AuditEventOutcome outcome, String outcomeDescription) {
		BalpProfileEnum profile = patients.isEmpty() ? basic : BalpProfileEnum.valueOf(basic.name().replace("BASIC_", "PATIENT_"));
		String interaction = OPERATIONS.contains(operation) ? "operation" : operation.getCode();
		AuditEvent event = new AuditEvent();
		event.getMeta().addProfile(profile.getProfileUrl());
		event.getText().setDiv(new XhtmlNode().setValue("<div>Audit Event</div>")).setStatus(NarrativeStatus.GENERATED);
		event.getType().setSystem(BalpConstants.CS_AUDIT_EVENT_TYPE).setCode("rest").setDisplay("Restful Operation");
		event.addSubtype().setSystem(BalpConstants.CS_RESTFUL_INTERACTION).setCode(interaction).setDisplay(interaction);
		event.setAction(profile.getAction()).setOutcome(outcome).setOutcomeDesc(outcomeDescription).setRecorded(new Date());
		event.getSource().getObserver().setDisplay(serverBase);

		AuditEventAgentComponent clientAgent = event.addAgent().setWho(client.copy()).setRequestor(false);
		clientAgent.getType().addCoding(profile.getAgentClientTypeCoding());
		clientAgent.getNetwork().setAddress(address).setType(BalpConstants.AUDIT_EVENT_AGENT_NETWORK_TYPE_IP_ADDRESS);
		AuditEventAgentComponent serverAgent = event.addAgent().setRequestor(false);
		serverAgent.getType().addCoding(profile.getAgentServerTypeCoding());
		serverAgent.getWho().setDisplay(serverBase);
		serverAgent.getNetwork().setAddress(serverBase).setType(BalpConstants.AUDIT_EVENT_AGENT_NETWORK_TYPE_URI);
		AuditEventAgentComponent userAgent = event.addAgent().setWho(user.copy()).setRequestor(true);
		userAgent.getType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ParticipationType")
				.setCode("IRCP").setDisplay("information recipient");

		requestId.ifPresent(id -> {
			AuditEventEntityComponent transaction = event.addEntity();
			transaction.getType().setSystem("https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType").setCode("XrequestId");
			transaction.getWhat().getIdentifier().setValue(id);
		});
		AuditEventEntityComponent query = entity(event, BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT,
				BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT_DISPLAY, BalpConstants.CS_OBJECT_ROLE_24_QUERY,
				QUERY_ROLE_DISPLAY);
		query.setDescription(method + " " + url).setQuery(url.getBytes(StandardCharsets.UTF_8));
		data.ifPresent(id -> entity(event, BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT,
				BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT_DISPLAY, BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE,
				BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE_DISPLAY).getWhat().setReference(id));
		patients.stream().sorted().forEach(patient -> entity(event, BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON,
				BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON_DISPLAY, BalpConstants.CS_OBJECT_ROLE_1_PATIENT,
				BalpConstants.CS_OBJECT_ROLE_1_PATIENT_DISPLAY).getWhat().setReference(patient));
		return event;
	}

	private static AuditEventEntityComponent entity(AuditEvent event, String type, String typeDisplay, String role,
			String roleDisplay) {
		AuditEventEntityComponent entity = event.addEntity();
		entity.getType().setSystem(BalpConstants.CS_AUDIT_ENTITY_TYPE).setCode(type).setDisplay(typeDisplay);
		entity.getRole().setSystem(BalpConstants.CS_OBJECT_ROLE).setCode(role).setDisplay(roleDisplay);
		return entity;
	}

	/** The interaction a request was, from its method alone, when HAPI did not get as far as naming it. */
	static RestOperationTypeEnum interaction(String method, boolean instance) {
		return switch (method) {
			case "POST" -> RestOperationTypeEnum.CREATE;
			case "PUT" -> RestOperationTypeEnum.UPDATE;
			case "PATCH" -> RestOperationTypeEnum.PATCH;
			case "DELETE" -> RestOperationTypeEnum.DELETE;
			default -> instance ? RestOperationTypeEnum.READ : RestOperationTypeEnum.SEARCH_TYPE;
		};
	}

	/** The BALP profile (without a patient) of an interaction. */
	static BalpProfileEnum profile(RestOperationTypeEnum operation) {
		return switch (operation) {
			case CREATE -> BalpProfileEnum.BASIC_CREATE;
			case UPDATE, PATCH -> BalpProfileEnum.BASIC_UPDATE;
			case DELETE -> BalpProfileEnum.BASIC_DELETE;
			case READ, VREAD, HISTORY_INSTANCE -> BalpProfileEnum.BASIC_READ;
			default -> BalpProfileEnum.BASIC_QUERY;
		};
	}
}
