package org.casebridge.server;

import java.time.Duration;
import org.casebridge.EmbeddedTestPostgres;
import org.casebridge.ServerProcess;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself is restarted under load, as for a minor-version upgrade: a fast shutdown
 * terminates every session with 57P01, it stays down for 15 s, then starts again on the same data
 * directory and port. It is a private server, so the machine's own PostgreSQL is never touched.
 */
class PostgresRestartFaultIT extends DatabaseOutageScenario {

	@Test
	void answers503FastWhilePostgresRestartsAndRecoversByItself() throws Exception {
		try (EmbeddedTestPostgres postgres = EmbeddedTestPostgres.start(ServerProcess.freePort())) {
			// A fresh cluster for this test alone, so its default database will do.
			assertSurvives(new Outage("PostgreSQL restarted", postgres::stop, postgres::startAgain), Duration.ofSeconds(15),
					"restart", postgres.jdbcUrl("postgres"));
		}
	}
}
