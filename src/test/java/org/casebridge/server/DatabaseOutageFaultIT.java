package org.casebridge.server;

import java.time.Duration;
import org.casebridge.LoopbackProxy;
import org.junit.jupiter.api.Test;

/**
 * The network to PostgreSQL is cut for 20 s under load (a failover, a partition): every open
 * connection is reset and new ones are refused until it is restored.
 */
class DatabaseOutageFaultIT extends DatabaseOutageScenario {

	@Test
	void answers503FastDuringAnOutageAndRecoversByItself() throws Exception {
		String database = freshDatabase("outage");
		try (LoopbackProxy proxy = LoopbackProxy.to(5432)) {
			assertSurvives(new Outage("network to the database cut", proxy::cut, proxy::restore), Duration.ofSeconds(20),
					"outage", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database);
		}
	}
}
