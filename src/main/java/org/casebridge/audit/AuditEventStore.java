package org.casebridge.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where AuditEvents are put. A write's event is captured just before the write commits and is
 * stored in the same database transaction: both commit or neither does. Every other event (a
 * read's, a search's, an operation's, a failure's) is put in the {@link AuditOutbox} before the
 * response is sent, one row rather than an indexed resource, and stored as an AuditEvent by the
 * audit trail's background job. Nothing waits in memory, so a crash loses no event of an answered
 * request.
 *
 * <p>HAPI stores no reference to a resource it does not hold, so an event names what a delete
 * removed, what a failed request asked for and the server never held, or a deleted client whose
 * trail is read, by identifier ({@link #ABSENT}); so does an event from the outbox whose resource
 * was deleted before it was stored.
 */
class AuditEventStore implements IBalpAuditEventSink {

	static final String ABSENT = "urn:casebridge:audit:absent";
	private static final String AUDIT_EVENT = "AuditEvent";
	private static final Set<AuditEventAction> WRITES = EnumSet.of(AuditEventAction.C, AuditEventAction.U, AuditEventAction.D);

	private final DaoRegistry daos;
	private final AuditOutbox outbox;
	private final EntityManager session;
	private final WriteTransactionDetails writes;

	AuditEventStore(DaoRegistry daos, AuditOutbox outbox, EntityManager session, WriteTransactionDetails writes) {
		this.daos = daos;
		this.outbox = outbox;
		this.session = session;
		this.writes = writes;
	}

	@Override
	public void recordAuditEvent(AuditEvent event) {
		if (WRITES.contains(event.getAction()) && TransactionSynchronizationManager.isActualTransactionActive()) {
			if (mayNameAbsent(event)) {
				// Read, not searched: what this transaction deletes is not yet gone for a search.
				nameAbsentByIdentifier(event, this::isUnreadable);
			}
			daos.getResourceDao(AuditEvent.class).create(event, null, true, new SystemRequestDetails(),
					writes.resolvedFor(references(event)));
		} else {
			// In the read's own transaction, if it has one: committed with it, before the answer is sent.
			outbox.put(event);
		}
	}

	/** Stores an event from the outbox as it was captured; what it may name absent is looked up. */
	void storeFromOutbox(AuditEvent event) {
		if (mayNameAbsent(event)) {
			nameAbsentByIdentifier(event, this::isNotFound);
		}
		createApart(event);
	}

	/** Stores an event from the outbox whose resources may have been deleted since it was captured. */
	void storeFromOutboxLookingUpAll(AuditEvent event) {
		nameAbsentByIdentifier(event, this::isNotFound);
		createApart(event);
	}

	/**
	 * Creates an event of the outbox's batch and sends its rows to the database, out of the
	 * session: each query of the next event would otherwise flush and dirty-check every entity the
	 * batch has made so far (a batch's Hibernate work grew with the square of its size).
	 */
	private void createApart(AuditEvent event) {
		daos.getResourceDao(AuditEvent.class).create(event, new SystemRequestDetails());
		session.flush();
		session.clear();
	}

	private static List<IIdType> references(AuditEvent event) {
		return Stream.concat(event.getEntity().stream().map(AuditEventEntityComponent::getWhat),
						event.getAgent().stream().map(AuditEventAgentComponent::getWho))
				.filter(Reference::hasReference)
				.map(Reference::getReferenceElement)
				.toList();
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

	private void nameAbsentByIdentifier(AuditEvent event, Predicate<IdType> absent) {
		event.getEntity().stream().map(AuditEventEntityComponent::getWhat).filter(Reference::hasReference)
				.filter(what -> absent.test(new IdType(what.getReference()))).forEach(what -> {
					String name = what.getReference();
					what.setReference(null).setDisplay(name).setIdentifier(new Identifier().setSystem(ABSENT).setValue(name));
				});
	}

	private boolean isUnreadable(IdType id) {
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

	/**
	 * Whether the resource is missing or deleted, by a search: a failed read would doom the
	 * transaction the outbox stores its events in.
	 */
	private boolean isNotFound(IdType id) {
		if (!daos.isResourceTypeSupported(id.getResourceType()) || !id.hasIdPart()) {
			return true;
		}
		SearchParameterMap byId = SearchParameterMap.newSynchronous("_id", new TokenParam(id.getIdPart()));
		return daos.getResourceDao(id.getResourceType()).searchForResourceIds(byId, new SystemRequestDetails()).isEmpty();
	}
}
