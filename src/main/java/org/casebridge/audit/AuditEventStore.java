package org.casebridge.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * Where AuditEvents are put: stored as resources, synchronously. A write's event is captured just
 * before the write commits and so is stored in the same database transaction: both commit or
 * neither does. A read's or search's event is stored before the response is sent. Nothing waits
 * in memory, so a crash loses no event of an answered request.
 *
 * <p>HAPI stores no reference to a resource it does not hold, so an event names what a delete
 * removed, or what a failed request asked for and the server never held, by identifier
 * ({@link #ABSENT}).
 */
class AuditEventStore implements IBalpAuditEventSink {

	static final String ABSENT = "urn:casebridge:audit:absent";

	private final DaoRegistry daos;

	AuditEventStore(DaoRegistry daos) {
		this.daos = daos;
	}

	@Override
	public void recordAuditEvent(AuditEvent event) {
		if (event.getAction() == AuditEventAction.D) {
			nameAbsentByIdentifier(event);
		}
		store(event);
	}

	/** The event of a request that failed: what it names may not exist (a read of an unknown id). */
	void recordFailure(AuditEvent event) {
		nameAbsentByIdentifier(event);
		store(event);
	}

	private void store(AuditEvent event) {
		daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
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
