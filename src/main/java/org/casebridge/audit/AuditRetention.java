package org.casebridge.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.ExpungeOptions;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.casebridge.audit.AuditChain.Link;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention: AuditEvents older than {@code casebridge.audit.retention} are removed for good
 * (deleted, then expunged with every version and index row), oldest first, a batch of chain links
 * at a time, and the chain is then checked from the last removed link. The only way an event
 * leaves the trail: the API refuses to change, delete or expunge one ({@link AuditEventImmutabilityInterceptor}).
 * A run cut short (a crash) leaves links whose events are gone, which {@code $verify-chain}
 * reports and the next run removes.
 */
class AuditRetention {

	/** Marks the requests retention makes, the ones the trail's immutability lets through. */
	static final String RETENTION = "casebridge.audit.retention";

	/** Later events that name an expired one (reading the trail) keep their text, not a link to a row that goes. */
	private static final String UNLINK = "DELETE FROM HFJ_RES_LINK WHERE TARGET_RESOURCE_ID = ? AND SOURCE_RESOURCE_TYPE = 'AuditEvent'";

	private final DaoRegistry daos;
	private final AuditChain chain;
	private final JdbcTemplate jdbc;

	AuditRetention(DaoRegistry daos, AuditChain chain, DataSource dataSource) {
		this.daos = daos;
		this.chain = chain;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/** Removes the events stored before {@code cutoff}; how many it removed. */
	int removeStoredBefore(Instant cutoff) {
		IFhirResourceDao<AuditEvent> events = daos.getResourceDao(AuditEvent.class);
		ExpungeOptions everyVersion = new ExpungeOptions().setExpungeDeletedResources(true).setExpungeOldVersions(true);
		int removed = 0;
		for (List<Link> links = chain.oldestBefore(cutoff); !links.isEmpty(); links = chain.oldestBefore(cutoff)) {
			for (Link link : links) {
				if (link.eventId() != null) {
					IdType event = new IdType("AuditEvent", link.eventId());
					try {
						events.delete(event, retention());
					} catch (ResourceGoneException | ResourceNotFoundException alreadyDeleted) {
						// A run cut short deleted it: it is expunged now.
					}
					jdbc.update(UNLINK, link.eventPid());
					events.expunge(event, everyVersion, retention());
					removed++;
				}
			}
			chain.cutThrough(links.get(links.size() - 1));
		}
		return removed;
	}

	static boolean isRetention(RequestDetails request) {
		return request != null && Boolean.TRUE.equals(request.getUserData().get(RETENTION));
	}

	private static RequestDetails retention() {
		SystemRequestDetails request = new SystemRequestDetails();
		request.getUserData().put(RETENTION, Boolean.TRUE);
		return request;
	}
}
