package org.casebridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL database the integration tests run against, on the server
 * {@link TestDatabaseServer} chooses. The database is created when missing, so {@code mvn verify}
 * works on any machine, with or without PostgreSQL.
 */
public final class TestDatabase {

	public static final String NAME = env("CASEBRIDGE_TEST_DB_NAME", "casebridge_test");
	private static final TestDatabaseServer SERVER = TestDatabaseServer.choose(
			env("CASEBRIDGE_TEST_DB_HOST", null),
			// Overridable only to try the embedded server on a machine whose own PostgreSQL answers.
			System.getProperty("casebridge.test.db.local-host", "127.0.0.1:5432"),
			env("CASEBRIDGE_TEST_DB_USER", "postgres"));
	public static final String USER = SERVER.user();
	public static final String URL = "jdbc:postgresql://" + SERVER.address() + "/" + NAME;

	private static boolean ready;

	private TestDatabase() {}

	public static synchronized void ensureExists() {
		if (ready) {
			return;
		}
		SERVER.start();
		try (Connection admin = DriverManager.getConnection(
						"jdbc:postgresql://" + SERVER.address() + "/postgres", USER, "");
				PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, NAME);
			try (ResultSet found = exists.executeQuery(); Statement create = admin.createStatement()) {
				if (!found.next()) {
					create.execute("CREATE DATABASE " + NAME);
				}
			}
		} catch (SQLException e) {
			throw new IllegalStateException("Cannot create the test database " + NAME + " on " + SERVER.address()
					+ " as " + USER + ": " + e.getMessage(), e);
		}
		ready = true;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
