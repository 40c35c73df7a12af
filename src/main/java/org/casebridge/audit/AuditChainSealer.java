package org.casebridge.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seals new AuditEvents into the hash chain every {@code casebridge.audit.seal-interval}, on one
 * background thread; what a failed run (the database away) left is sealed by the next.
 */
@Component
@Profile(AuditConfig.AUDITED)
class AuditChainSealer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditChainSealer.class);

	private final AuditChain chain;
	private final AuditProperties properties;
	private ScheduledExecutorService scheduler;

	AuditChainSealer(AuditChain chain, AuditProperties properties) {
		this.chain = chain;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "audit-chain-sealer"));
		long interval = properties.sealInterval().toMillis();
		scheduler.scheduleWithFixedDelay(this::seal, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		scheduler.shutdown();
		scheduler = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
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
}
