package org.casebridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Which PostgreSQL the tests pick, probed against real local sockets. */
class TestDatabaseServerTest {

	@Test
	void aConfiguredServerIsUsedEvenWhenTheLocalOneAnswersAndMustItselfAnswer() throws IOException {
		String closed = closedLocalAddress();
		try (ServerSocket local = new ServerSocket(0)) {
			TestDatabaseServer server =
					TestDatabaseServer.choose(closed, "127.0.0.1:" + local.getLocalPort(), "casebridge");

			assertThat(server).isEqualTo(new TestDatabaseServer.Configured(closed, "casebridge"));
			assertThatThrownBy(server::start)
					.hasMessageContaining("CASEBRIDGE_TEST_DB_HOST is " + closed)
					.hasMessageContaining("no PostgreSQL accepts connections");
		}
	}

	@Test
	void withoutAConfiguredServerTheLocalOneIsUsedWhenItAnswers() throws IOException {
		try (ServerSocket local = new ServerSocket(0)) {
			String address = "127.0.0.1:" + local.getLocalPort();

			assertThat(TestDatabaseServer.choose(null, address, "casebridge"))
					.isEqualTo(new TestDatabaseServer.Local(address, "casebridge"));
		}
	}

	@Test
	void withNeitherAnEmbeddedServerIsStartedOnAFreePortAsItsSuperuser() throws IOException {
		TestDatabaseServer server = TestDatabaseServer.choose(null, closedLocalAddress(), "casebridge");

		assertThat(server).isInstanceOf(TestDatabaseServer.Embedded.class);
		assertThat(server.user()).isEqualTo("postgres");
		assertThat(TestDatabaseServer.acceptsConnections(server.address())).isFalse();
	}

	/** A local port that was free a moment ago, so nothing accepts connections on it. */
	private static String closedLocalAddress() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "127.0.0.1:" + socket.getLocalPort();
		}
	}
}
