package org.casebridge.notification;

import ca.uhn.fhir.jpa.model.entity.IPersistedResourceModifiedMessage;
import ca.uhn.fhir.jpa.model.entity.IPersistedResourceModifiedMessagePK;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.subscription.api.IResourceModifiedMessagePersistenceSvc;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * HAPI's table of changes waiting for matching, as its scheduled submission sees it: without the
 * retries of failed deliveries that are not yet due (see {@link FailedDeliveryRetryInterceptor}).
 * Those stay in the table untouched until their time, so that a restart never finds them in
 * flight; only their summary is read, never the resource.
 */
class DueChangesStore implements IResourceModifiedMessagePersistenceSvc {

	private final IResourceModifiedMessagePersistenceSvc hapi;

	DueChangesStore(IResourceModifiedMessagePersistenceSvc hapi) {
		this.hapi = hapi;
	}

	@Override
	public Page<IPersistedResourceModifiedMessage> findAllOrderedByCreatedTime(Pageable page) {
		Page<IPersistedResourceModifiedMessage> waiting = hapi.findAllOrderedByCreatedTime(page);
		Instant now = Instant.now();
		List<IPersistedResourceModifiedMessage> due = waiting.stream()
				.filter(change -> FailedDeliveryRetryInterceptor.nextAttempt(
								hapi.createResourceModifiedMessageFromEntityWithoutInflation(change))
						.map(next -> !now.isBefore(next)).orElse(true))
				.toList();
		// HAPI asks for the first page again while this says there is more: with retries held back,
		// more would only be the same page again, each time, for as long as they are not due.
		long total = due.size() < waiting.getNumberOfElements() ? due.size() : waiting.getTotalElements();
		return new PageImpl<>(due, page, total);
	}

	@Override
	public boolean deleteByPK(IPersistedResourceModifiedMessagePK key) {
		return hapi.deleteByPK(key);
	}

	@Override
	public IPersistedResourceModifiedMessage persist(ResourceModifiedMessage change) {
		return hapi.persist(change);
	}

	@Override
	public ResourceModifiedMessage inflatePersistedResourceModifiedMessage(ResourceModifiedMessage change) {
		return hapi.inflatePersistedResourceModifiedMessage(change);
	}

	@Override
	public Optional<ResourceModifiedMessage> inflatePersistedResourceModifiedMessageOrNull(ResourceModifiedMessage change) {
		return hapi.inflatePersistedResourceModifiedMessageOrNull(change);
	}

	@Override
	public ResourceModifiedMessage createResourceModifiedMessageFromEntityWithoutInflation(
			IPersistedResourceModifiedMessage change) {
		return hapi.createResourceModifiedMessageFromEntityWithoutInflation(change);
	}

	@Override
	public long getMessagePersistedCount() {
		return hapi.getMessagePersistedCount();
	}
}
