package org.casebridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads HAPI's own tables directly, to check what a fault left behind without trusting the
 * server that suffered it: what was stored, and whether any row lost the rows it belongs to.
 */
public final class HapiTables implements AutoCloseable {

	/** Tables whose rows belong to one HFJ_RESOURCE row through RES_ID. */
	private static final List<String> RESOURCE_CHILDREN = List.of(
			"hfj_res_ver", "hfj_res_tag", "hfj_res_param_present", "hfj_spidx_token", "hfj_spidx_string",
			"hfj_spidx_date", "hfj_spidx_number", "hfj_spidx_quantity", "hfj_spidx_uri");

	private final Connection db;

	public HapiTables(String jdbcUrl) {
		try {
			this.db = DriverManager.getConnection(jdbcUrl, "postgres", "");
		} catch (SQLException e) {
			throw new IllegalStateException("Cannot connect to " + jdbcUrl, e);
		}
	}

	/**
	 * Live resources per identifier value of {@code system} and resource type, counted from the
	 * identifier token index joined to HFJ_RESOURCE: {@code value -> type -> count}.
	 */
	public Map<String, Map<String, Long>> resourcesByIdentifier(String system) {
		Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
		query("SELECT t.sp_value, r.res_type, count(DISTINCT r.res_id) FROM hfj_spidx_token t"
				+ " JOIN hfj_resource r ON r.res_id = t.res_id"
				+ " WHERE t.sp_name = 'identifier' AND t.sp_system = ? AND r.res_deleted_at IS NULL"
				+ " GROUP BY t.sp_value, r.res_type", system, row -> counts
						.computeIfAbsent(row.getString(1), value -> new LinkedHashMap<>())
						.put(row.getString(2), row.getLong(3)));
		return counts;
	}

	/**
	 * Resources with an identifier of {@code system} that link to a Patient with the same identifier
	 * value, per value; counted once each, though HAPI links them once per search parameter
	 * ({@code subject} and {@code patient}).
	 */
	public Map<String, Long> resourcesLinkedToOwnPatient(String system) {
		Map<String, Long> counts = new LinkedHashMap<>();
		query("SELECT src.sp_value, count(DISTINCT l.src_resource_id) FROM hfj_res_link l"
				+ " JOIN hfj_spidx_token src ON src.res_id = l.src_resource_id AND src.sp_name = 'identifier'"
				+ " JOIN hfj_spidx_token tgt ON tgt.res_id = l.target_resource_id AND tgt.sp_name = 'identifier'"
				+ " WHERE l.target_resource_type = 'Patient' AND src.sp_system = ? AND tgt.sp_system = src.sp_system"
				+ " AND tgt.sp_value = src.sp_value GROUP BY src.sp_value", system,
				row -> counts.put(row.getString(1), row.getLong(2)));
		return counts;
	}

	/**
	 * Rows that lost what they belong to — versions, tags and index rows of no resource, links from
	 * or to no resource, resources without their current version or without the index rows their
	 * flags promise — as {@code description -> count}, only where the count is not zero.
	 */
	public Map<String, Long> orphans() {
		Map<String, String> checks = new LinkedHashMap<>();
		for (String table : RESOURCE_CHILDREN) {
			checks.put(table + " rows of no HFJ_RESOURCE", "SELECT count(*) FROM " + table
					+ " c WHERE NOT EXISTS (SELECT 1 FROM hfj_resource r WHERE r.res_id = c.res_id)");
		}
		checks.put("hfj_res_link rows from no resource", "SELECT count(*) FROM hfj_res_link l"
				+ " WHERE NOT EXISTS (SELECT 1 FROM hfj_resource r WHERE r.res_id = l.src_resource_id)");
		checks.put("hfj_res_link rows to no resource", "SELECT count(*) FROM hfj_res_link l"
				+ " WHERE l.target_resource_id IS NOT NULL"
				+ " AND NOT EXISTS (SELECT 1 FROM hfj_resource r WHERE r.res_id = l.target_resource_id)");
		checks.put("hfj_resource rows without their current hfj_res_ver", "SELECT count(*) FROM hfj_resource r"
				+ " WHERE NOT EXISTS (SELECT 1 FROM hfj_res_ver v WHERE v.res_id = r.res_id AND v.res_ver = r.res_ver)");
		checks.put("hfj_resource rows flagged with tokens but without hfj_spidx_token rows",
				"SELECT count(*) FROM hfj_resource r WHERE r.sp_token_present AND r.res_deleted_at IS NULL"
						+ " AND NOT EXISTS (SELECT 1 FROM hfj_spidx_token t WHERE t.res_id = r.res_id)");
		Map<String, Long> found = new LinkedHashMap<>();
		checks.forEach((description, sql) -> query(sql, null, row -> {
			if (row.getLong(1) > 0) {
				found.put(description, row.getLong(1));
			}
		}));
		return found;
	}

	@Override
	public void close() throws SQLException {
		db.close();
	}

	private interface RowReader {
		void read(ResultSet row) throws SQLException;
	}

	private void query(String sql, String parameter, RowReader reader) {
		try (PreparedStatement statement = db.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setString(1, parameter);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					reader.read(rows);
				}
			}
		} catch (SQLException e) {
			throw new IllegalStateException(sql, e);
		}
	}
}
