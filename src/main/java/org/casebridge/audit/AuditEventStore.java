package org.casebridge.audit;

import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where AuditEvents are put: stored as resources, synchronously. A write's event is captured just
 * before the write commits and so is stored in the same database transaction: both commit or
 * neither does. A read's or search's event is stored before the response is sent. Nothing waits
 * in memory, so a crash loses no event of an answered request.
 *
 * <p>HAPI stores no reference to a resource it does not hold, so an event names what a delete
 * removed, what a failed request asked for and the server never held, or a deleted client whose
 * trail is read, by identifier ({@link #ABSENT}).
 */
class AuditEventStore implements IBalpAuditEventSink {

	static final String ABSENT = "urn:casebridge:audit:absent";
	private static final String AUDIT_EVENT = "AuditEvent";

	private final DaoRegistry daos;

	AuditEventStore(DaoRegistry daos) {
		this.daos = daos;
	}

	@Override
	public void recordAuditEvent(AuditEvent event) {
		if (mayNameAbsent(event)) {
			nameAbsentByIdentifier(event);
		}
		store(event);
	}

	/**
	 * A delete's event names what it removes; a failed request's what it asked for; an event of
	 * reading the trail the clients it names, deleted ones too. Every other resource that names a
	 * client stops the client's delete, so other events name what exists.
	 */
	private static boolean mayNameAbsent(AuditEvent event) {
		return event.getAction() == AuditEventAction.D || event.getOutcome() != AuditEvent.AuditEventOutcome._0
				|| event.getEntity().stream().anyMatch(entity -> entity.getWhat().getReference() != null
						&& entity.getWhat().getReference().startsWith(AUDIT_EVENT + "/")
						|| entity.hasQuery() && new String(entity.getQuery(), StandardCharsets.UTF_8).contains("/" + AUDIT_EVENT));
	}

	/**
	 * Stored as it is when all it names exists; else (an operation on a deleted client, answered
	 * outside any transaction) with what is gone named by identifier. Inside a transaction the
	 * failed attempt has doomed it, so the error stands.
	 */
	private void store(AuditEvent event) {
		try {
			daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
		} catch (InvalidRequestException e) {
			boolean namesAbsent = e.getMessage().startsWith(Msg.code(1094)) || e.getMessage().startsWith(Msg.code(1096));
			if (!namesAbsent || TransactionSynchronizationManager.isActualTransactionActive()) {
				throw e;
			}
			nameAbsentByIdentifier(event);
			daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
		}
	}

	private void nameAbsentByIdentifier(AuditEvent event) {
		event.getEntity().stream().map(AuditEventEntityComponent::getWhat).filter(Reference::hasReference)
				.filter(this::isAbsent).forEach(what -> {
					String absent = what.getReference();
					what.setReference(null).setDisplay(absent).setIdentifier(new Identifier().setSystem(ABSENT).setValue(absent));
				});
	}

	private boolean isAbsent(Reference what) {
		IdType id = new IdType(what.getReference());
		if (!daos.isResourceTypeSupported(id.getResourceType())) {
			return true;
		}
		try {
			daos.getResourceDao(id.getResourceType()).read(id.toVersionless(), new SystemRequestDetails());
			return false;
		} catch (ResourceGoneException | ResourceNotFoundException e) {
			return true;
		}
	}
}
