package org.casebridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real PostgreSQL the integration tests run against: 127.0.0.1:5432 with trust
 * authentication unless {@code CASEBRIDGE_TEST_DB_HOST} says otherwise. The database is created
 * when missing, so {@code mvn verify} works on any machine with PostgreSQL running.
 */
public final class TestDatabase {

	public static final String NAME = env("CASEBRIDGE_TEST_DB_NAME", "casebridge_test");
	public static final String USER = env("CASEBRIDGE_TEST_DB_USER", "postgres");
	private static final String HOST = env("CASEBRIDGE_TEST_DB_HOST", "127.0.0.1:5432");
	public static final String URL = "jdbc:postgresql://" + HOST + "/" + NAME;

	private TestDatabase() {}

	public static synchronized void ensureExists() {
		try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, "");
				PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, NAME);
			try (ResultSet found = exists.executeQuery(); Statement create = admin.createStatement()) {
				if (!found.next()) {
					create.execute("CREATE DATABASE " + NAME);
				}
			}
		} catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL is needed on " + HOST + " for the integration tests", e);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
