package org.casebridge.audit;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.storage.IResourcePersistentId;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * What the write being audited has already resolved: the database ids of the resources its
 * transaction wrote or looked up. A write's AuditEvent names that resource and its client, and
 * HAPI looked each one up in the database again to store the event's references (about a fifth
 * of the trail's cost on an ingest). Remembered by hooks ordered just before HAPI's audit capture,
 * and handed to the one event it then makes.
 */
@Interceptor
class WriteTransactionDetails {

	/** Before HAPI's BALP capture, whose hooks have the default order. */
	private static final int BEFORE_CAPTURE = -1;

	private final ThreadLocal<TransactionDetails> writing = new ThreadLocal<>();

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED, order = BEFORE_CAPTURE)
	void created(TransactionDetails details, ServletRequestDetails request) {
		remember(details, request);
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED, order = BEFORE_CAPTURE)
	void updated(TransactionDetails details, ServletRequestDetails request) {
		remember(details, request);
	}

	@Hook(value = Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED, order = BEFORE_CAPTURE)
	void deleted(TransactionDetails details, ServletRequestDetails request) {
		remember(details, request);
	}

	/** As HAPI's capture does, only a client's writes: the server's own are not audited. */
	private void remember(TransactionDetails details, ServletRequestDetails request) {
		if (request != null) {
			writing.set(details);
		}
	}

	/** The ids of {@code references} the write on this thread has resolved, for the event's own store; taken once. */
	TransactionDetails resolvedFor(Iterable<IIdType> references) {
		TransactionDetails write = writing.get();
		writing.remove();
		TransactionDetails event = new TransactionDetails();
		if (write == null) {
			return event;
		}
		for (IIdType reference : references) {
			IResourcePersistentId<?> id = write.getResolvedResourceId(reference);
			if (id != null) {
				event.addResolvedResourceId(reference, id);
			}
		}
		return event;
	}
}
