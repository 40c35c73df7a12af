package org.casebridge.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Work a replica does on one thread of its own, at fixed delays, from the moment the context has
 * started until it stops: what {@link #schedule} puts on the thread's scheduler. Stopping lets a
 * run already under way finish, so its transaction commits before the database goes away.
 */
public abstract class BackgroundWork implements SmartLifecycle {

	/** As long as a graceful shutdown gives each phase (spring.lifecycle.timeout-per-shutdown-phase). */
	private static final long STOP_TIMEOUT_SECONDS = 10;

	private final String threadName;
	private ScheduledExecutorService scheduler;

	protected BackgroundWork(String threadName) {
		this.threadName = threadName;
	}

	/** Puts the work on the scheduler, once per start. */
	protected abstract void schedule(ScheduledExecutorService scheduler);

	@Override
	public synchronized void start() {
		scheduler = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, threadName));
		schedule(scheduler);
	}

	@Override
	public synchronized void stop() {
		scheduler.shutdown();
		try {
			scheduler.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		scheduler = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return scheduler != null;
	}
}
