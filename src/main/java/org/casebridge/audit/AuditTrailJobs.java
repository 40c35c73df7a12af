package org.casebridge.audit;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.casebridge.server.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The audit trail's background work, on one thread: storing the events waiting in the outbox and
 * sealing new AuditEvents into the hash chain every {@code casebridge.audit.seal-interval}, and
 * removing those older than {@code casebridge.audit.retention} every hour. What a failed run (the
 * database away) left is done by the next.
 */
@Component
@Profile(AuditConfig.AUDITED)
class AuditTrailJobs extends BackgroundWork {

	private static final Logger log = LoggerFactory.getLogger(AuditTrailJobs.class);
	private static final Duration RETENTION_RUNS = Duration.ofHours(1);
	/**
	 * Events per transaction: what a failed batch redoes event by event. (At 200, before each event
	 * was cleared from the session once stored, the batch's Hibernate work grew with its square.)
	 */
	private static final int OUTBOX_BATCH = 20;

	private final AuditOutbox outbox;
	private final AuditEventStore store;
	private final AuditChain chain;
	private final AuditRetention retention;
	private final AuditProperties properties;

	AuditTrailJobs(AuditOutbox outbox, AuditEventStore store, AuditChain chain, AuditRetention retention,
			AuditProperties properties) {
		super("audit-trail");
		this.outbox = outbox;
		this.store = store;
		this.chain = chain;
		this.retention = retention;
		this.properties = properties;
	}

	@Override
	protected void schedule(ScheduledExecutorService scheduler) {
		long interval = properties.sealInterval().toMillis();
		scheduler.scheduleWithFixedDelay(() -> {
			storeWaitingEvents();
			seal();
		}, interval, interval, TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(this::removeExpired, RETENTION_RUNS.toMillis(), RETENTION_RUNS.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void storeWaitingEvents() {
		try {
			while (outbox.move(OUTBOX_BATCH, store::storeFromOutbox) > 0) {
				// A backlog is stored batch by batch, without waiting for the next run.
			}
		} catch (RuntimeException batchFailed) {
			// An event naming a resource deleted since it was captured fails its batch: that batch goes
			// event by event, each looking up what it names.
			storeOneByOne();
		}
	}

	private void storeOneByOne() {
		try {
			for (int i = 0; i < OUTBOX_BATCH; i++) {
				try {
					if (outbox.move(1, store::storeFromOutboxLookingUpAll) == 0) {
						return;
					}
				} catch (BaseServerResponseException | DataFormatException refused) {
					// HAPI refused the event itself, or the row holds no event: trying again would only fail again.
					long row = outbox.failedOldest();
					log.error("Audit outbox row {} could not be stored as an AuditEvent ({}); after {} attempts it is left"
							+ " in CB_AUDIT_OUTBOX for an operator", row, refused.getClass().getName(), AuditOutbox.ATTEMPTS);
					return;
				}
			}
		} catch (RuntimeException e) {
			log.warn("Storing waiting audit events failed, the next run retries: {}", e.getClass().getName());
		}
	}

	private void seal() {
		try {
			while (chain.seal() > 0) {
				// A backlog (after a restart, a burst) is sealed batch by batch, without waiting for the next run.
			}
		} catch (RuntimeException e) {
			log.warn("Sealing the audit chain failed, the next run retries: {}", e.getClass().getName());
		}
	}

	private void removeExpired() {
		try {
			int removed = retention.removeStoredBefore(Instant.now().minus(properties.retention()));
			if (removed > 0) {
				log.info("Audit retention removed {} AuditEvents older than {}", removed, properties.retention());
			}
		} catch (RuntimeException e) {
			log.warn("Audit retention failed, the next run retries: {}", e.getClass().getName());
		}
	}
}
