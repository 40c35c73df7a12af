package org.casebridge;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.io.FileUtils;

/**
 * A real PostgreSQL 17 from the zonky binaries on the test classpath: for machines that have none,
 * and for fault tests that stop and start the database itself. It keeps its data directory across
 * {@link #stop()} and {@link #startAgain()}; {@link #close()}, or the end of the test JVM, stops it
 * and deletes the directory.
 */
public final class EmbeddedTestPostgres implements AutoCloseable {

	private static final String WHAT_TO_DO = "Run the tests as a non-root user, install PostgreSQL on 127.0.0.1:5432"
			+ " (user postgres, trust authentication), or set CASEBRIDGE_TEST_DB_HOST to a reachable PostgreSQL.";

	private final Path dataDirectory;
	private final int port;
	private EmbeddedPostgres running;

	private EmbeddedTestPostgres(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory;
		this.port = port;
		Runtime.getRuntime().addShutdownHook(new Thread(this::close, "embedded-test-postgres-closer"));
	}

	/** A new database cluster on {@code port}, started, with the superuser {@code postgres} and trust authentication. */
	public static EmbeddedTestPostgres start(int port) {
		// PostgreSQL refuses to run as root; zonky then runs it in a user namespace, where it is "nobody".
		if (new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable()) {
			throw new IllegalStateException("No PostgreSQL answers for the tests, and an embedded one cannot start:"
					+ " PostgreSQL refuses to run as root, and this machine does not allow `unshare -U` to run it"
					+ " as an unprivileged user. " + WHAT_TO_DO);
		}
		try {
			EmbeddedTestPostgres postgres = new EmbeddedTestPostgres(Files.createTempDirectory("casebridge-pg"), port);
			postgres.startAgain();
			return postgres;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port + "/" + database;
	}

	/**
	 * A fast shutdown ({@code pg_ctl stop -m fast}), as an operator or a package upgrade restarts
	 * PostgreSQL: every session is terminated with 57P01 and new connections are refused.
	 */
	public synchronized void stop() {
		if (running != null) {
			try {
				running.close();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			} finally {
				running = null;
			}
		}
	}

	/** Starts PostgreSQL on the same data directory and port; the first start creates the cluster. */
	public synchronized void startAgain() {
		try {
			running = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
					.setPort(port)
					.setRegisterShutdownHook(false)
					// Two busy cores can take longer than zonky's default wait of 10 s.
					.setPGStartupWait(Duration.ofSeconds(60))
					.start();
		} catch (IOException | RuntimeException e) {
			throw new IllegalStateException("The embedded PostgreSQL did not start (" + e.getMessage()
					+ "); its output is logged above. " + WHAT_TO_DO, e);
		}
	}

	@Override
	public synchronized void close() {
		stop();
		FileUtils.deleteQuietly(dataDirectory.toFile());
	}
}
