package org.casebridge.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed notification is attempted again: exponential back-off from the first wait to the
 * longest, until the notification is given up.
 */
record DeliveryRetrySchedule(Duration firstRetryAfter, Duration maxRetryInterval, Duration giveUpAfter) {

	static DeliveryRetrySchedule from(NotificationProperties properties) {
		return new DeliveryRetrySchedule(
				properties.firstRetryAfter(), properties.maxRetryInterval(), properties.giveUpAfter());
	}

	/**
	 * The time of the next attempt after {@code failures} failed ones (at least one), the first at
	 * {@code firstFailure}; empty once the notification is to be given up.
	 */
	Optional<Instant> nextAttempt(Instant firstFailure, int failures, Instant now) {
		if (givenUp(firstFailure, now)) {
			return Optional.empty();
		}
		// Capped before shifting, so that a long outage cannot overflow the doubling.
		Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(failures - 1, 30));
		return Optional.of(now.plus(wait.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : wait));
	}

	/** Whether a notification first failing at {@code firstFailure} is dropped by {@code now}. */
	boolean givenUp(Instant firstFailure, Instant now) {
		return !now.isBefore(firstFailure.plus(giveUpAfter));
	}
}
