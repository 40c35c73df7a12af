package org.casebridge.bench;

/**
 * Data sizes: small runs end to end in minutes on 2 cores; large is a 10,000-client caseload.
 * Synthea gives a few patients decades of history (bundles of 10,000+ resources); below the
 * large scale those bundles are left out so that a run stays within its time.
 */
enum Scale {
	SMALL(12, 60, 4_000_000),
	MEDIUM(60, 1_000, 8_000_000),
	LARGE(300, 10_000, Long.MAX_VALUE);

	private final int syntheaPatients;
	private final int caseManagementClients;
	private final long maxPatientBundleBytes;

	Scale(int syntheaPatients, int caseManagementClients, long maxPatientBundleBytes) {
		this.syntheaPatients = syntheaPatients;
		this.caseManagementClients = caseManagementClients;
		this.maxPatientBundleBytes = maxPatientBundleBytes;
	}

	long maxPatientBundleBytes() {
		return maxPatientBundleBytes;
	}

	int syntheaPatients() {
		return syntheaPatients;
	}

	int caseManagementClients() {
		return caseManagementClients;
	}
}
