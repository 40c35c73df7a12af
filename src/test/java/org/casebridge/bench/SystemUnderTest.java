package org.casebridge.bench;

/** The two servers every scenario compares, in the same run, on the same data. */
enum SystemUnderTest {
	CASEBRIDGE("postgres", "casebridge_bench"),
	STOCK_HAPI("postgres,baseline", "casebridge_bench_stock");

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
		return this == CASEBRIDGE ? "CaseBridge" : "stock HAPI";
	}
}
