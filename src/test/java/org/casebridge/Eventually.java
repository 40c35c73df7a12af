package org.casebridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for what the server reaches in the background — a job's run, a delivery, a restart's
 * recovery — and fails the test when it has not within the limit.
 */
public final class Eventually {

	private static final Duration POLL = Duration.ofMillis(50);

	private Eventually() {}

	/** Returns once {@code reached} holds; fails naming {@code what} after {@code limit}. */
	public static void until(String what, Duration limit, BooleanSupplier reached) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!reached.getAsBoolean()) {
			assertThat(System.nanoTime()).as("%s within %s", what, limit).isLessThan(deadline);
			try {
				Thread.sleep(POLL.toMillis());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
