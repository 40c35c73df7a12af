package org.casebridge.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's hash chain: table {@code CB_AUDIT_CHAIN}, one link per AuditEvent, whose hash
 * is SHA-256 over the previous link's hash, the event's row id and the event's stored JSON
 * ({@code HFJ_RES_VER.RES_TEXT_VC}, where this server keeps every resource's text). Editing or
 * deleting an event in the database, or a link, breaks the chain from there on, and
 * {@link #verify} names the first broken link.
 *
 * <p>Events are linked after they commit, by {@link #seal} (one caller at a time, across
 * replicas, by a lock on the head row), so the request path never waits on the chain and a rolled
 * back write leaves no link. A link is never rewritten. Whoever can rewrite the whole table from
 * an edit onward can hide it: the head hash {@code $verify-chain} returns is what to keep
 * elsewhere.
 */
class AuditChain {

	static final String GENESIS = "0".repeat(64);
	private static final int BATCH = 1000;
	/** How far behind the last sealed event a late commit may be found (far longer than any transaction runs). */
	private static final Duration LATE_COMMIT = Duration.ofMinutes(10);
	private static final String UNSEALED = " WHERE r.RES_TYPE = 'AuditEvent' AND r.RES_DELETED_AT IS NULL"
			+ " AND NOT EXISTS (SELECT 1 FROM CB_AUDIT_CHAIN c WHERE c.EVENT_PID = r.RES_ID)";

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final TransactionTemplate snapshot;

	AuditChain(DataSource dataSource, PlatformTransactionManager transactionManager) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactionManager);
		// JDBC's own transaction manager: HAPI's JPA one cannot set an isolation level.
		this.snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		snapshot.setReadOnly(true);
		jdbc.execute("CREATE TABLE IF NOT EXISTS CB_AUDIT_CHAIN (SEQ BIGINT PRIMARY KEY, EVENT_PID BIGINT NOT NULL UNIQUE,"
				+ " EVENT_UPDATED TIMESTAMP NOT NULL, HASH VARCHAR(64) NOT NULL)");
		// The head is the last link; the tail the last link retention removed, from which the chain is checked.
		jdbc.execute("CREATE TABLE IF NOT EXISTS CB_AUDIT_CHAIN_HEAD (ID INT PRIMARY KEY, SEQ BIGINT NOT NULL, HASH VARCHAR(64) NOT NULL,"
				+ " TAIL_SEQ BIGINT DEFAULT 0 NOT NULL, TAIL_HASH VARCHAR(64) DEFAULT '" + GENESIS + "' NOT NULL)");
		try {
			jdbc.update("INSERT INTO CB_AUDIT_CHAIN_HEAD (ID, SEQ, HASH, TAIL_SEQ, TAIL_HASH) SELECT 1, 0, ?, 0, ? WHERE NOT EXISTS"
					+ " (SELECT 1 FROM CB_AUDIT_CHAIN_HEAD)", GENESIS, GENESIS);
		} catch (DuplicateKeyException anotherReplicaWasFirst) {
			// The head exists: that is all this needed.
		}
	}

	/** Links the AuditEvents committed since the last seal, oldest first; how many it linked. */
	int seal() {
		Integer sealed = transactions.execute(status -> {
			Map<String, Object> head = jdbc.queryForMap("SELECT SEQ, HASH FROM CB_AUDIT_CHAIN_HEAD WHERE ID = 1 FOR UPDATE");
			long seq = ((Number) head.get("SEQ")).longValue();
			String hash = (String) head.get("HASH");
			Timestamp from = jdbc.queryForObject("SELECT MAX(EVENT_UPDATED) FROM CB_AUDIT_CHAIN", Timestamp.class);
			List<Map<String, Object>> events = jdbc.queryForList("SELECT r.RES_ID, r.RES_UPDATED, v.RES_TEXT_VC FROM HFJ_RESOURCE r"
					+ " JOIN HFJ_RES_VER v ON v.RES_ID = r.RES_ID AND v.RES_VER = r.RES_VER" + UNSEALED
					+ " AND r.RES_UPDATED >= ? ORDER BY r.RES_ID FETCH FIRST " + BATCH + " ROWS ONLY",
					from == null ? new Timestamp(0) : Timestamp.from(from.toInstant().minus(LATE_COMMIT)));
			for (Map<String, Object> event : events) {
				long pid = ((Number) event.get("RES_ID")).longValue();
				hash = link(hash, pid, (String) event.get("RES_TEXT_VC"));
				jdbc.update("INSERT INTO CB_AUDIT_CHAIN (SEQ, EVENT_PID, EVENT_UPDATED, HASH) VALUES (?, ?, ?, ?)", ++seq, pid,
						event.get("RES_UPDATED"), hash);
			}
			jdbc.update("UPDATE CB_AUDIT_CHAIN_HEAD SET SEQ = ?, HASH = ? WHERE ID = 1", seq, hash);
			return events.size();
		});
		return sealed == null ? 0 : sealed;
	}

	/** What a walk of the whole chain found. */
	record Verification(long links, long unsealed, String head, Optional<BrokenLink> broken) {}

	/** The first link whose event or hash is not what was sealed. */
	record BrokenLink(long seq, Optional<String> eventId, String problem) {}

	/**
	 * Walks the chain from its tail (its first link, or the last one retention removed), {@value #BATCH}
	 * at a time, in one snapshot of the database: a seal or a removal committed while it walks would
	 * otherwise leave it with links past the head it read, or without the tail it started from.
	 */
	Verification verify() {
		return snapshot.execute(status -> walk());
	}

	private Verification walk() {
		long unsealed = jdbc.queryForObject("SELECT COUNT(*) FROM HFJ_RESOURCE r" + UNSEALED, Long.class);
		Map<String, Object> head = jdbc.queryForMap("SELECT SEQ, HASH, TAIL_SEQ, TAIL_HASH FROM CB_AUDIT_CHAIN_HEAD WHERE ID = 1");
		String hash = (String) head.get("TAIL_HASH");
		long tail = ((Number) head.get("TAIL_SEQ")).longValue();
		long seq = tail;
		while (true) {
			List<Map<String, Object>> links = jdbc.queryForList("SELECT c.SEQ, c.EVENT_PID, c.HASH, r.FHIR_ID, r.RES_VER,"
					+ " v.RES_TEXT_VC FROM CB_AUDIT_CHAIN c LEFT JOIN HFJ_RESOURCE r ON r.RES_ID = c.EVENT_PID"
					+ " LEFT JOIN HFJ_RES_VER v ON v.RES_ID = r.RES_ID AND v.RES_VER = r.RES_VER"
					+ " WHERE c.SEQ > ? ORDER BY c.SEQ FETCH FIRST " + BATCH + " ROWS ONLY", seq);
			if (links.isEmpty()) {
				break;
			}
			for (Map<String, Object> link : links) {
				long linkSeq = ((Number) link.get("SEQ")).longValue();
				Optional<String> event = Optional.ofNullable((String) link.get("FHIR_ID")).map(id -> "AuditEvent/" + id);
				Optional<String> problem = linkSeq != seq + 1 ? Optional.of("links " + (seq + 1) + " to " + (linkSeq - 1) + " are missing")
						: event.isEmpty() ? Optional.of("the event was deleted")
						: ((Number) link.get("RES_VER")).longValue() != 1 ? Optional.of("the event has a later version")
						: Optional.empty();
				String expected = link(hash, ((Number) link.get("EVENT_PID")).longValue(), (String) link.get("RES_TEXT_VC"));
				if (problem.isEmpty() && !expected.equals(link.get("HASH"))) {
					problem = Optional.of("the event or its link was changed after it was sealed");
				}
				if (problem.isPresent()) {
					return new Verification(seq - tail, unsealed, (String) head.get("HASH"),
							Optional.of(new BrokenLink(linkSeq, event, problem.get())));
				}
				hash = expected;
				seq = linkSeq;
			}
		}
		if (seq != ((Number) head.get("SEQ")).longValue() || !hash.equals(head.get("HASH"))) {
			return new Verification(seq - tail, unsealed, (String) head.get("HASH"),
					Optional.of(new BrokenLink(seq + 1, Optional.empty(), "the chain ends before its head: links were removed")));
		}
		return new Verification(seq - tail, unsealed, hash, Optional.empty());
	}

	/** A link of the chain: its place, the event's row id and FHIR id, and its hash. */
	record Link(long seq, long eventPid, String eventId, String hash) {}

	/** The oldest links, up to {@value #BATCH}, whose events were stored before {@code cutoff}: what retention removes next. */
	List<Link> oldestBefore(Instant cutoff) {
		return jdbc.query("SELECT c.SEQ, c.EVENT_PID, r.FHIR_ID, c.HASH FROM CB_AUDIT_CHAIN c JOIN CB_AUDIT_CHAIN_HEAD h ON h.ID = 1"
				+ " LEFT JOIN HFJ_RESOURCE r ON r.RES_ID = c.EVENT_PID WHERE c.SEQ > h.TAIL_SEQ AND c.EVENT_UPDATED < ?"
				+ " ORDER BY c.SEQ FETCH FIRST " + BATCH + " ROWS ONLY", (row, number) -> new Link(row.getLong(1), row.getLong(2),
						row.getString(3), row.getString(4)), Timestamp.from(cutoff));
	}

	/**
	 * Removes the links up to {@code last}, whose events retention has removed, and makes
	 * {@code last} the tail the chain is checked from. Only a prefix goes: the chain stays whole.
	 */
	void cutThrough(Link last) {
		transactions.executeWithoutResult(status -> {
			jdbc.queryForMap("SELECT SEQ FROM CB_AUDIT_CHAIN_HEAD WHERE ID = 1 FOR UPDATE");
			jdbc.update("DELETE FROM CB_AUDIT_CHAIN WHERE SEQ <= ?", last.seq());
			jdbc.update("UPDATE CB_AUDIT_CHAIN_HEAD SET TAIL_SEQ = ?, TAIL_HASH = ? WHERE ID = 1", last.seq(), last.hash());
		});
	}

	private static String link(String previous, long eventPid, String storedJson) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update((previous + "\n" + eventPid + "\n").getBytes(StandardCharsets.UTF_8));
			sha256.update((storedJson == null ? "" : storedJson).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
