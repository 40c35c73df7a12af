package org.casebridge.bench;

/** Data sizes: small runs end to end in minutes on 2 cores; large is a 10,000-client caseload. */
enum Scale {
	SMALL(9, 60),
	MEDIUM(60, 1_000),
	LARGE(300, 10_000);

	private final int syntheaPatients;
	private final int caseManagementClients;

	Scale(int syntheaPatients, int caseManagementClients) {
		this.syntheaPatients = syntheaPatients;
		this.caseManagementClients = caseManagementClients;
	}

	int syntheaPatients() {
		return syntheaPatients;
	}

	int caseManagementClients() {
		return caseManagementClients;
	}
}
