package org.casebridge.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The notifications matched and not yet delivered: one row per resource version and Subscription,
 * from the moment matching finds it (in the transaction that takes the change from HAPI's table)
 * until the subscriber has taken it or it is given up. {@code NEXT_ATTEMPT} is when the row is due
 * for another attempt: a lease while a delivery is under way, the back-off after a failure. A row
 * whose lease ran out (the process died while delivering) is due again, so a notification is
 * never lost between HAPI's table and the subscriber. Times are epoch milliseconds, the same on
 * PostgreSQL and H2.
 */
class PendingDeliveries {

	/** A resource version (unqualified, as {@code Task/1/_history/2}) and the Subscription it goes to. */
	record Key(String resource, String subscription) {}

	/** One waiting notification; {@code firstFailure} is empty until an attempt failed or its lease ran out. */
	record Pending(Key key, String operation, int failures, Optional<Instant> firstFailure, Instant nextAttempt) {}

	private static final RowMapper<Pending> PENDING = (row, index) -> new Pending(
			new Key(row.getString("RESOURCE"), row.getString("SUBSCRIPTION")),
			row.getString("OPERATION"),
			row.getInt("FAILURES"),
			Optional.ofNullable((Long) row.getObject("FIRST_FAILURE", Long.class)).map(Instant::ofEpochMilli),
			Instant.ofEpochMilli(row.getLong("NEXT_ATTEMPT")));

	private final JdbcTemplate jdbc;

	PendingDeliveries(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE IF NOT EXISTS CB_PENDING_DELIVERY (RESOURCE VARCHAR(200) NOT NULL,"
				+ " SUBSCRIPTION VARCHAR(100) NOT NULL, OPERATION VARCHAR(20) NOT NULL, FAILURES INT DEFAULT 0 NOT NULL,"
				+ " FIRST_FAILURE BIGINT, NEXT_ATTEMPT BIGINT NOT NULL, PRIMARY KEY (RESOURCE, SUBSCRIPTION))");
		jdbc.execute("CREATE INDEX IF NOT EXISTS CB_PENDING_DELIVERY_DUE ON CB_PENDING_DELIVERY (NEXT_ATTEMPT)");
	}

	/** Records a delivery about to be made, leased until {@code until}; a retried one keeps its failures. */
	void hold(Key key, String operation, Instant until) {
		int held = jdbc.update("UPDATE CB_PENDING_DELIVERY SET NEXT_ATTEMPT = ? WHERE RESOURCE = ? AND SUBSCRIPTION = ?",
				until.toEpochMilli(), key.resource(), key.subscription());
		if (held == 0) {
			jdbc.update("INSERT INTO CB_PENDING_DELIVERY (RESOURCE, SUBSCRIPTION, OPERATION, NEXT_ATTEMPT) VALUES (?, ?, ?, ?)",
					key.resource(), key.subscription(), operation, until.toEpochMilli());
		}
	}

	Optional<Pending> find(Key key) {
		return jdbc.query("SELECT * FROM CB_PENDING_DELIVERY WHERE RESOURCE = ? AND SUBSCRIPTION = ?", PENDING,
				key.resource(), key.subscription()).stream().findFirst();
	}

	/** Delivered, or given up. */
	void remove(Key key) {
		jdbc.update("DELETE FROM CB_PENDING_DELIVERY WHERE RESOURCE = ? AND SUBSCRIPTION = ?",
				key.resource(), key.subscription());
	}

	/** Every notification waiting for the Subscription with this id. */
	void removeAllFor(String subscription) {
		jdbc.update("DELETE FROM CB_PENDING_DELIVERY WHERE SUBSCRIPTION = ?", subscription);
	}

	void retryAt(Key key, int failures, Instant firstFailure, Instant nextAttempt) {
		jdbc.update("UPDATE CB_PENDING_DELIVERY SET FAILURES = ?, FIRST_FAILURE = ?, NEXT_ATTEMPT = ?"
						+ " WHERE RESOURCE = ? AND SUBSCRIPTION = ?",
				failures, firstFailure.toEpochMilli(), nextAttempt.toEpochMilli(), key.resource(), key.subscription());
	}

	/** Up to {@code limit} rows due at {@code now}, the longest waiting first. */
	List<Pending> due(Instant now, int limit) {
		return jdbc.query("SELECT * FROM CB_PENDING_DELIVERY WHERE NEXT_ATTEMPT <= ? ORDER BY NEXT_ATTEMPT"
				+ " FETCH FIRST " + limit + " ROWS ONLY", PENDING, now.toEpochMilli());
	}

	/**
	 * Takes a due row for one attempt, leased until {@code until}; false when another replica (or an
	 * earlier run) took it since it was read. An overdue row that never failed counts as failing
	 * from {@code now}, so that one no delivery ever answers for is given up in time.
	 */
	boolean claim(Pending due, Instant now, Instant until) {
		return jdbc.update("UPDATE CB_PENDING_DELIVERY SET NEXT_ATTEMPT = ?, FIRST_FAILURE = COALESCE(FIRST_FAILURE, ?)"
						+ " WHERE RESOURCE = ? AND SUBSCRIPTION = ? AND NEXT_ATTEMPT = ?",
				until.toEpochMilli(), now.toEpochMilli(), due.key().resource(), due.key().subscription(),
				due.nextAttempt().toEpochMilli()) == 1;
	}
}
