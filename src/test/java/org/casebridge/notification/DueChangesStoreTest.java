package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.jpa.model.entity.IPersistedResourceModifiedMessage;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.subscription.api.IResourceModifiedMessagePersistenceSvc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;

class DueChangesStoreTest {

	private static final PageRequest FIRST_PAGE = PageRequest.of(0, 3);

	private final IResourceModifiedMessagePersistenceSvc hapi = mock(IResourceModifiedMessagePersistenceSvc.class);
	private final DueChangesStore store = new DueChangesStore(hapi);

	@Test
	void retriesNotYetDueAreHeldBack() {
		waiting(List.of(change(), retryAt(Instant.now().plusSeconds(60)), retryAt(Instant.now().minusSeconds(1))), 3);

		assertThat(store.findAllOrderedByCreatedTime(FIRST_PAGE).getContent()).hasSize(2);
	}

	/** HAPI fetches the first page again while there is a next one: held-back retries are no next page. */
	@Test
	void aFullPageOfRetriesNotYetDueEndsThePass() {
		Instant later = Instant.now().plusSeconds(60);
		waiting(List.of(retryAt(later), retryAt(later), retryAt(later)), 10);

		Page<IPersistedResourceModifiedMessage> due = store.findAllOrderedByCreatedTime(FIRST_PAGE);

		assertThat(due.getContent()).isEmpty();
		assertThat(due.hasNext()).isFalse();
	}

	@Test
	void aFullPageOfDueChangesLeadsToTheNext() {
		waiting(List.of(change(), change(), change()), 10);

		assertThat(store.findAllOrderedByCreatedTime(FIRST_PAGE).hasNext()).isTrue();
	}

	private void waiting(List<ResourceModifiedMessage> changes, long total) {
		List<IPersistedResourceModifiedMessage> rows = new ArrayList<>();
		IntStream.range(0, changes.size()).forEach(i -> {
			IPersistedResourceModifiedMessage row = mock(IPersistedResourceModifiedMessage.class);
			when(hapi.createResourceModifiedMessageFromEntityWithoutInflation(row)).thenReturn(changes.get(i));
			rows.add(row);
		});
		when(hapi.findAllOrderedByCreatedTime(any())).thenReturn(new PageImpl<>(rows, FIRST_PAGE, total));
	}

	/** A change as written: not yet delivered, due at once. */
	private static ResourceModifiedMessage change() {
		return new ResourceModifiedMessage();
	}

	private static ResourceModifiedMessage retryAt(Instant nextAttempt) {
		ResourceModifiedMessage retry = change();
		retry.setAttribute(FailedDeliveryRetryInterceptor.NEXT_ATTEMPT, nextAttempt.toString());
		return retry;
	}
}
