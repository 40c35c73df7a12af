package org.casebridge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * The PostgreSQL server the integration tests run against, chosen once per test JVM: the one
 * {@code CASEBRIDGE_TEST_DB_HOST} names, else the machine's own (what {@code .ci/run} starts), else
 * an embedded PostgreSQL 17 started for this JVM, so {@code mvn verify} also works where none is
 * installed.
 */
sealed interface TestDatabaseServer {

	/** A server that does not answer this fast is taken as absent rather than waited for. */
	Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

	/** {@code host:port} for the JDBC URL. */
	String address();

	String user();

	/** Makes the server accept connections, or fails saying what to do about it. */
	void start();

	static TestDatabaseServer choose(String configuredAddress, String localAddress, String user) {
		if (configuredAddress != null) {
			return new Configured(configuredAddress, user);
		}
		if (acceptsConnections(localAddress)) {
			return new Local(localAddress, user);
		}
		return new Embedded(freeLocalPort());
	}

	/** The server {@code CASEBRIDGE_TEST_DB_HOST} names: it must be there, never replaced. */
	record Configured(String address, String user) implements TestDatabaseServer {
		@Override
		public void start() {
			if (!acceptsConnections(address)) {
				throw new IllegalStateException("CASEBRIDGE_TEST_DB_HOST is " + address + ", but no PostgreSQL accepts"
						+ " connections there. Start it, or unset CASEBRIDGE_TEST_DB_HOST to use the local or an"
						+ " embedded PostgreSQL.");
			}
		}
	}

	/** The machine's own PostgreSQL, already found answering. */
	record Local(String address, String user) implements TestDatabaseServer {
		@Override
		public void start() {}
	}

	record Embedded(int port) implements TestDatabaseServer {
		@Override
		public String address() {
			return "localhost:" + port;
		}

		/** The superuser the embedded server's initdb creates. */
		@Override
		public String user() {
			return "postgres";
		}

		@Override
		public void start() {
			EmbeddedTestPostgres.start(port);
		}
	}

	static boolean acceptsConnections(String address) {
		int colon = address.lastIndexOf(':');
		String host = colon < 0 ? address : address.substring(0, colon);
		int port = colon < 0 ? 5432 : Integer.parseInt(address.substring(colon + 1));
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), (int) PROBE_TIMEOUT.toMillis());
			return true;
		} catch (IOException e) {
			return false;
		}
	}

	private static int freeLocalPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		} catch (IOException e) {
			throw new UncheckedIOException("No free local port for an embedded PostgreSQL", e);
		}
	}
}
