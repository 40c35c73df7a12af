package org.casebridge.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * Where HAPI's BALP capture puts its AuditEvents: stored as resources, synchronously. A write's
 * event is captured just before the write commits and so is stored in the same database
 * transaction: both commit or neither does. A read's or search's event is stored before the
 * response is sent. Nothing waits in memory, so a crash loses no event of an answered request.
 */
class AuditEventStore implements IBalpAuditEventSink {

	private final DaoRegistry daos;

	AuditEventStore(DaoRegistry daos) {
		this.daos = daos;
	}

	@Override
	public void recordAuditEvent(AuditEvent event) {
		daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
	}
}
