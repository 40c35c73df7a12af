package org.casebridge;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.time.Duration;

/**
 * Starts a real PostgreSQL 17 from the zonky binaries on the test classpath, for machines that
 * have none. It lives as long as the test JVM: zonky stops it and deletes its data directory at
 * exit.
 */
final class EmbeddedTestPostgres {

	private static final String WHAT_TO_DO = "Run the tests as a non-root user, install PostgreSQL on 127.0.0.1:5432"
			+ " (user postgres, trust authentication), or set CASEBRIDGE_TEST_DB_HOST to a reachable PostgreSQL.";

	private EmbeddedTestPostgres() {}

	static void start(int port) {
		// PostgreSQL refuses to run as root; zonky then runs it in a user namespace, where it is "nobody".
		if (new UnixSystem().getUid() == 0 && !LinuxUtils.isUnshareAvailable()) {
			throw new IllegalStateException("No PostgreSQL answers for the tests, and an embedded one cannot start:"
					+ " PostgreSQL refuses to run as root, and this machine does not allow `unshare -U` to run it"
					+ " as an unprivileged user. " + WHAT_TO_DO);
		}
		try {
			// Two busy cores can take longer than zonky's default wait of 10 s.
			EmbeddedPostgres.builder().setPort(port).setPGStartupWait(Duration.ofSeconds(60)).start();
		} catch (IOException | RuntimeException e) {
			throw new IllegalStateException("The embedded PostgreSQL did not start (" + e.getMessage()
					+ "); its output is logged above. " + WHAT_TO_DO, e);
		}
	}
}
