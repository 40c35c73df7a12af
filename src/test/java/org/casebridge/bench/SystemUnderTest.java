package org.casebridge.bench;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The servers compared in the same run, on the same data: CaseBridge and stock HAPI in every
 * scenario but {@code $apply} and notification (stock HAPI lacks the one and runs no
 * subscriptions; in the caseload scenario it answers the plain searches only), and CaseBridge
 * without write validation in ingest and create, which measures what
 * validation costs on an otherwise identical server (the ingest also warms its JIT as much as the
 * others' before the creates are timed), and CaseBridge with access control on (an EHR backend's
 * {@code system/*.cruds} token from the test authorization server on every request) in ingest,
 * create and search, which measures what access control costs, and CaseBridge without its audit
 * trail (profile {@code unaudited}) in ingest, create, search and {@code $everything}, which
 * measures what the trail costs on writes and reads.
 */
enum SystemUnderTest {
	CASEBRIDGE("postgres", "casebridge_bench"),
	STOCK_HAPI("postgres,baseline", "casebridge_bench_stock"),
	CASEBRIDGE_UNVALIDATED("postgres,unvalidated", "casebridge_bench_unvalidated"),
	CASEBRIDGE_SECURED("postgres", "casebridge_bench_secured"),
	CASEBRIDGE_UNAUDITED("postgres,unaudited", "casebridge_bench_unaudited");

	private final String springProfiles;
	private final String database;

	SystemUnderTest(String springProfiles, String database) {
		this.springProfiles = springProfiles;
		this.database = database;
	}

	String springProfiles() {
		return springProfiles;
	}

	String database() {
		return database;
	}

	String label() {
		return switch (this) {
			case CASEBRIDGE -> "CaseBridge";
			case STOCK_HAPI -> "stock HAPI";
			case CASEBRIDGE_UNVALIDATED -> "CaseBridge without validation";
			case CASEBRIDGE_SECURED -> "CaseBridge with access control";
			case CASEBRIDGE_UNAUDITED -> "CaseBridge without audit trail";
		};
	}

	/** The scenarios this server takes part in, out of those asked for. */
	Set<String> scenarios(Set<String> requested) {
		return switch (this) {
			case CASEBRIDGE -> requested;
			// Stock HAPI has no $apply (CaseBridge's own CarePlan read is its yardstick) and runs no
			// subscriptions.
			case STOCK_HAPI -> requested.stream().filter(scenario -> !Set.of("apply", "notification").contains(scenario))
					.collect(Collectors.toSet());
			case CASEBRIDGE_UNVALIDATED -> requested.stream().filter(Set.of("ingest", "create")::contains).collect(Collectors.toSet());
			case CASEBRIDGE_SECURED -> requested.stream().filter(Set.of("ingest", "create", "search")::contains)
					.collect(Collectors.toSet());
			case CASEBRIDGE_UNAUDITED -> requested.stream().filter(Set.of("ingest", "create", "search", "everything")::contains)
					.collect(Collectors.toSet());
		};
	}
}
