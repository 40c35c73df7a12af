package org.casebridge.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Where HAPI's BALP capture puts its AuditEvents: stored as resources, synchronously. A write's
 * event is captured just before the write commits and so is stored in the same database
 * transaction: both commit or neither does. A read's or search's event is stored before the
 * response is sent. Nothing waits in memory, so a crash loses no event of an answered request.
 * HAPI stores no reference to a deleted resource, so a delete's event names what it deleted by
 * identifier ({@link #DELETED}).
 */
class AuditEventStore implements IBalpAuditEventSink {

	static final String DELETED = "urn:casebridge:audit:deleted";

	private final DaoRegistry daos;

	AuditEventStore(DaoRegistry daos) {
		this.daos = daos;
	}

	@Override
	public void recordAuditEvent(AuditEvent event) {
		if (event.getAction() == AuditEventAction.D) {
			event.getEntity().stream().map(AuditEventEntityComponent::getWhat).filter(Reference::hasReference)
					.filter(this::isDeleted).forEach(AuditEventStore::nameByIdentifier);
		}
		daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
	}

	private boolean isDeleted(Reference what) {
		IdType id = new IdType(what.getReference());
		try {
			daos.getResourceDao(id.getResourceType()).read(id.toVersionless(), new SystemRequestDetails());
			return false;
		} catch (ResourceGoneException e) {
			return true;
		}
	}

	/** HAPI stores no reference to a deleted resource: a delete's event names what it deleted by identifier. */
	private static void nameByIdentifier(Reference what) {
		String deleted = what.getReference();
		what.setReference(null).setDisplay(deleted).setIdentifier(new Identifier().setSystem(DELETED).setValue(deleted));
	}
}
