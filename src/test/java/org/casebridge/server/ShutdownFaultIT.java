package org.casebridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.casebridge.ServerProcess;
import org.casebridge.ServerProcessTestBase;
import org.junit.jupiter.api.Test;

/** An orchestrator stops a replica with SIGTERM and kills it if it lingers: it must exit promptly. */
class ShutdownFaultIT extends ServerProcessTestBase {

	private static final Duration EXIT_LIMIT = Duration.ofSeconds(10);

	@Test
	void exitsWithinSecondsOfSigtermAfterWrites() throws Exception {
		ServerProcess server = ServerProcess.start(launch("shutdown", ServerProcess.jdbcUrl(freshDatabase("shutdown"))));
		for (int i = 0; i < 5; i++) {
			Exchange created = post(server, "/fhir/Patient",
					"{\"resourceType\":\"Patient\"," + runTagMeta() + ",\"name\":[{\"family\":\"Shutdown\"}]}",
					Duration.ofSeconds(30));
			assertThat(created.status()).as("%s: %s", created, created.body()).isEqualTo(201);
		}

		Optional<Duration> exit = server.terminate(EXIT_LIMIT);

		System.out.printf("SIGTERM: %s%n", exit.map(took -> "exited in " + took.toMillis() + " ms")
				.orElse("still running after " + EXIT_LIMIT + ", killed"));
		assertThat(exit).as("time from SIGTERM to exit; see %s", server.log()).isPresent();
	}
}
