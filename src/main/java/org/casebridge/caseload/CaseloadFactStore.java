package org.casebridge.caseload;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.casebridge.caseload.CaseloadFact.Kind;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The caseload projection: table {@code CB_CASELOAD_FACT}, one row per {@link CaseloadFact}, in the
 * database HAPI stores resources in. Writes join the transaction of the resource write that
 * causes them (the JPA transaction manager exposes its connection to JDBC), so the projection
 * commits or rolls back with the resource; {@code $caseload} then reads one caseload's facts with
 * two indexed queries instead of loading resources.
 */
@Component
@Profile("!baseline")
class CaseloadFactStore {

	/** The marker row that says the projection holds every stored resource (see {@link CaseloadProjectionBuilder}). */
	private static final String BUILT = "CaseloadProjection";
	private static final String COLUMNS = "RES_TYPE, RES_ID, CLIENT_ID, FACT, CODE, STATUS, FACT_DATE, LABEL";
	private static final String CLIENTS_OF_MEMBERS = "SELECT DISTINCT CLIENT_ID FROM CB_CASELOAD_FACT WHERE FACT = ?"
			+ " AND CODE IN (?members) AND STATUS = ? AND (FACT_DATE IS NULL OR FACT_DATE >= ?)";

	private final JdbcTemplate jdbc;

	CaseloadFactStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("CREATE TABLE IF NOT EXISTS CB_CASELOAD_FACT (RES_TYPE VARCHAR(40) NOT NULL, RES_ID VARCHAR(64) NOT NULL,"
				+ " CLIENT_ID VARCHAR(64), FACT VARCHAR(20) NOT NULL, CODE VARCHAR(255), STATUS VARCHAR(40), FACT_DATE DATE,"
				+ " LABEL VARCHAR(500))");
		jdbc.execute("CREATE INDEX IF NOT EXISTS IDX_CB_CASELOAD_FACT_RES ON CB_CASELOAD_FACT (RES_TYPE, RES_ID)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS IDX_CB_CASELOAD_FACT_CLIENT ON CB_CASELOAD_FACT (CLIENT_ID)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS IDX_CB_CASELOAD_FACT_CODE ON CB_CASELOAD_FACT (FACT, CODE)");
	}

	/** The resource's facts become {@code facts}: what an earlier version said is gone. */
	void replace(String resourceType, String resourceId, List<CaseloadFact> facts) {
		jdbc.update("DELETE FROM CB_CASELOAD_FACT WHERE RES_TYPE = ? AND RES_ID = ?", resourceType, resourceId);
		insert(facts);
	}

	/** The facts of a new resource. */
	void insert(List<CaseloadFact> facts) {
		if (facts.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("INSERT INTO CB_CASELOAD_FACT (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", facts, facts.size(),
				(statement, fact) -> {
					statement.setString(1, fact.resourceType());
					statement.setString(2, fact.resourceId());
					statement.setString(3, fact.client());
					statement.setString(4, fact.kind().name());
					statement.setString(5, fact.code());
					statement.setString(6, fact.status());
					statement.setDate(7, fact.date() == null ? null : Date.valueOf(fact.date()));
					statement.setString(8, fact.label());
				});
	}

	/** The PractitionerRoles of a Practitioner ({@code Practitioner/[id]}), as references. */
	List<String> roles(String practitioner) {
		return jdbc.queryForList("SELECT RES_ID FROM CB_CASELOAD_FACT WHERE FACT = ? AND CODE = ?", String.class,
				Kind.ROLE.name(), practitioner).stream().map(id -> "PractitionerRole/" + id).toList();
	}

	/**
	 * The clients (Patient ids) of the active care teams that name one of {@code members}
	 * ({@code Practitioner/[id]} or {@code PractitionerRole/[id]}) as a participant whose
	 * participation has not ended before {@code today}.
	 */
	Set<String> clients(List<String> members, LocalDate today) {
		if (members.isEmpty()) {
			return Set.of();
		}
		return new LinkedHashSet<>(jdbc.queryForList(CLIENTS_OF_MEMBERS.replace("?members", placeholders(members)),
				String.class, membershipArguments(members, today)));
	}

	/** Every fact about the {@link #clients} of {@code members}, by client. */
	Map<String, List<CaseloadFact>> caseload(List<String> members, LocalDate today) {
		if (members.isEmpty()) {
			return Map.of();
		}
		Map<String, List<CaseloadFact>> byClient = new LinkedHashMap<>();
		jdbc.query("SELECT " + COLUMNS + " FROM CB_CASELOAD_FACT WHERE CLIENT_ID IN ("
				+ CLIENTS_OF_MEMBERS.replace("?members", placeholders(members)) + ")",
				(ResultSet row) -> {
					CaseloadFact fact = fact(row);
					byClient.computeIfAbsent(fact.client(), client -> new ArrayList<>()).add(fact);
				}, membershipArguments(members, today));
		return byClient;
	}

	private static String placeholders(List<String> members) {
		return String.join(", ", Collections.nCopies(members.size(), "?"));
	}

	private static Object[] membershipArguments(List<String> members, LocalDate today) {
		List<Object> arguments = new ArrayList<>();
		arguments.add(Kind.MEMBER.name());
		arguments.addAll(members);
		arguments.add("active");
		arguments.add(Date.valueOf(today));
		return arguments.toArray();
	}

	boolean built() {
		return jdbc.queryForObject("SELECT COUNT(*) FROM CB_CASELOAD_FACT WHERE RES_TYPE = ?", Integer.class, BUILT) > 0;
	}

	void markBuilt() {
		jdbc.update("INSERT INTO CB_CASELOAD_FACT (RES_TYPE, RES_ID, FACT) VALUES (?, ?, ?)", BUILT, "all", "BUILT");
	}

	private static CaseloadFact fact(ResultSet row) throws SQLException {
		Date date = row.getDate("FACT_DATE");
		return new CaseloadFact(row.getString("RES_TYPE"), row.getString("RES_ID"), row.getString("CLIENT_ID"),
				Kind.valueOf(row.getString("FACT")), row.getString("CODE"), row.getString("STATUS"),
				date == null ? null : date.toLocalDate(), row.getString("LABEL"));
	}
}
