package org.casebridge.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress lines while the suite runs, so a long run is never silent. */
final class Progress {

	private Progress() {}

	static void print(String format, Object... args) {
		System.out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
	}
}
