package org.casebridge.notification;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.data.IResourceModifiedDao;
import ca.uhn.fhir.jpa.dao.tx.HapiTransactionService;
import ca.uhn.fhir.jpa.model.entity.IPersistedResourceModifiedMessage;
import ca.uhn.fhir.jpa.model.entity.PersistedResourceModifiedMessageEntityPK;
import ca.uhn.fhir.jpa.model.entity.ResourceModifiedEntity;
import ca.uhn.fhir.jpa.subscription.ResourceModifiedMessagePersistenceSvcImpl;
import ca.uhn.fhir.jpa.subscription.match.matcher.matching.IResourceModifiedConsumer;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.beans.factory.ObjectProvider;

/**
 * HAPI's store of changes waiting for matching ({@code HFJ_RESOURCE_MODIFIED}), except that a
 * delete's change is matched in the delete's transaction instead of waiting there.
 *
 * <p>HAPI keys a waiting change by resource and version, and a delete's change by the version it
 * deletes (the last one with a body to match): the key of the change that made that version.
 * Stored, it replaced that change while it still waited, so a referral created and withdrawn
 * within one submission interval was never notified; it failed the delete with 409 when HAPI's
 * submitter took the earlier change at that moment; and a submitter holding an earlier read of
 * that change took the delete's row for it and notified the creation twice.
 *
 * <p>So, within the delete's transaction, the change that made the deleted version is taken if it
 * still waits, and matched, and then the delete's own: both on this thread
 * ({@link SynchronousMatchingChannelFactory}), their notifications recorded with the delete and
 * sent once it commits ({@link DurableDeliveryInterceptor}). If the delete rolls back, so does the
 * taking: the earlier change waits again. If the submitter is taking it at that moment, the
 * delete waits for it and finds it gone.
 */
class DeletesMatchedInTheirTransaction extends ResourceModifiedMessagePersistenceSvcImpl {

	private final FhirContext fhirContext;
	/** HAPI's matching, which itself reads waiting changes from here. */
	private final ObjectProvider<IResourceModifiedConsumer> matching;

	@PersistenceContext
	private EntityManager entityManager;

	DeletesMatchedInTheirTransaction(FhirContext fhirContext, IResourceModifiedDao changes, DaoRegistry daos,
			HapiTransactionService transactions, ObjectProvider<IResourceModifiedConsumer> matching) {
		super(fhirContext, changes, daos, transactions);
		this.fhirContext = fhirContext;
		this.matching = matching;
	}

	@Override
	public IPersistedResourceModifiedMessage persist(ResourceModifiedMessage change) {
		if (change.getOperationType() != OperationTypeEnum.DELETE) {
			return super.persist(change);
		}
		IIdType version = change.getPayloadId(fhirContext);
		PersistedResourceModifiedMessageEntityPK key = PersistedResourceModifiedMessageEntityPK.with(
				version.getIdPart(), version.getVersionIdPart(), version.getResourceType());
		// Read as a value, not as an entity the session would keep.
		List<String> waiting = entityManager.createQuery("SELECT c.mySummaryResourceModifiedMessage FROM ResourceModifiedEntity c"
						+ " WHERE c.myResourceModifiedEntityPK = :key", String.class)
				.setParameter("key", key)
				.getResultList();
		if (!waiting.isEmpty() && deleteByPK(key)) {
			ResourceModifiedEntity earlier = new ResourceModifiedEntity().setResourceModifiedEntityPK(key)
					.setSummaryResourceModifiedMessage(waiting.get(0));
			matching.getObject().submitResourceModified(createResourceModifiedMessageFromEntityWithoutInflation(earlier));
		}
		matching.getObject().submitResourceModified(change);
		// Nothing is stored; HAPI's interceptor does not use what it is given back.
		return new ResourceModifiedEntity().setResourceModifiedEntityPK(key);
	}
}
