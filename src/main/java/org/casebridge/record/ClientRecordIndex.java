package org.casebridge.record;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which stored resources make up a client's record, read from HAPI's index tables
 * ({@code HFJ_RESOURCE}, {@code HFJ_RES_LINK}) without loading any resource.
 *
 * <p>The record is the client's Patient, every resource that references it (care plans, goals,
 * care teams, episodes, responses and the scores and needs derived from them, referrals and their
 * Tasks, encounters, communications, consents, whichever element holds the reference), and what
 * those reference in turn (practitioners, organisations, services, locations), followed to the
 * end. Another client never belongs to it: other Patients are not followed, nor are Groups, which
 * list many clients, nor the AuditEvents that name the client.
 */
@Component
class ClientRecordIndex {

	/** A member of the record; {@code pid} is HAPI's resource key, which orders the record. */
	record Member(long pid, String type, String id) {}

	/** Not followed: other clients, and the audit trail (a record of who saw the record, not of the client's care). */
	private static final List<String> NOT_FOLLOWED = List.of("Patient", "Group", "AuditEvent");

	private final NamedParameterJdbcTemplate jdbc;

	ClientRecordIndex(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** HAPI's key of a stored, not deleted Patient. */
	Optional<Long> patient(String id) {
		return jdbc.queryForList("SELECT res_id FROM hfj_resource WHERE res_type = 'Patient' AND fhir_id = :id"
						+ " AND res_deleted_at IS NULL",
				new MapSqlParameterSource("id", id), Long.class).stream().findFirst();
	}

	/**
	 * The record's members of the given types (all types if empty) last updated after
	 * {@code since} and up to {@code until} (either may be absent), in HAPI's key order.
	 */
	List<Member> members(long patient, Set<String> types, Optional<Instant> since, Optional<Instant> until) {
		Set<Long> record = new HashSet<>();
		record.add(patient);
		record.addAll(jdbc.queryForList("SELECT DISTINCT src_resource_id FROM hfj_res_link"
						+ " WHERE target_resource_id = :patient AND source_resource_type NOT IN (:others)",
				new MapSqlParameterSource("patient", patient).addValue("others", NOT_FOLLOWED), Long.class));
		Set<Long> frontier = Set.copyOf(record);
		while (!frontier.isEmpty()) {
			Set<Long> referenced = new HashSet<>(jdbc.queryForList("SELECT DISTINCT target_resource_id FROM hfj_res_link"
							+ " WHERE src_resource_id IN (:frontier) AND target_resource_id IS NOT NULL"
							+ " AND target_resource_type NOT IN (:others)",
					new MapSqlParameterSource("frontier", frontier).addValue("others", NOT_FOLLOWED), Long.class));
			referenced.removeAll(record);
			record.addAll(referenced);
			frontier = referenced;
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource("record", record);
		StringBuilder sql = new StringBuilder("SELECT res_id, res_type, fhir_id FROM hfj_resource"
				+ " WHERE res_id IN (:record) AND res_deleted_at IS NULL");
		if (!types.isEmpty()) {
			sql.append(" AND res_type IN (:types)");
			parameters.addValue("types", types);
		}
		since.ifPresent(after -> {
			sql.append(" AND res_updated > :since");
			parameters.addValue("since", Timestamp.from(after));
		});
		until.ifPresent(before -> {
			sql.append(" AND res_updated <= :until");
			parameters.addValue("until", Timestamp.from(before));
		});
		sql.append(" ORDER BY res_id");
		return jdbc.query(sql.toString(), parameters,
				(row, number) -> new Member(row.getLong("res_id"), row.getString("res_type"), row.getString("fhir_id")));
	}
}
