package org.casebridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryRetryScheduleTest {

	private static final Instant FIRST_FAILURE = Instant.parse("2026-12-01T09:00:00Z");
	private final DeliveryRetrySchedule schedule =
			new DeliveryRetrySchedule(Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofDays(3));

	@Test
	void theWaitDoublesWithEachFailureUpToTheLongest() {
		Instant now = FIRST_FAILURE.plusSeconds(60);
		assertThat(schedule.nextAttempt(FIRST_FAILURE, 1, now)).contains(now.plusSeconds(2));
		assertThat(schedule.nextAttempt(FIRST_FAILURE, 2, now)).contains(now.plusSeconds(4));
		assertThat(schedule.nextAttempt(FIRST_FAILURE, 8, now)).contains(now.plusSeconds(256));
		assertThat(schedule.nextAttempt(FIRST_FAILURE, 9, now)).contains(now.plus(Duration.ofMinutes(5)));
		assertThat(schedule.nextAttempt(FIRST_FAILURE, 4_000, now)).contains(now.plus(Duration.ofMinutes(5)));
	}

	@Test
	void aNotificationFailingForLongerThanTheLimitIsGivenUp() {
		assertThat(schedule.nextAttempt(FIRST_FAILURE, 900, FIRST_FAILURE.plus(Duration.ofDays(3)).minusMillis(1)))
				.isPresent();
		assertThat(schedule.nextAttempt(FIRST_FAILURE, 900, FIRST_FAILURE.plus(Duration.ofDays(3)))).isEmpty();
	}
}
