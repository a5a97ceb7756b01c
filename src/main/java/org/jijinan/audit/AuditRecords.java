package org.jijinan.audit;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps stored rows to {@link AuditEntry}.
 */
final class AuditRecords {

	private AuditRecords() {
	}

	static AuditEntry map(ResultSet row, int number) throws SQLException {
		return new AuditEntry(row.getLong("sequence"), row.getString("chain"), row.getLong("chain_sequence"),
				row.getTimestamp("occurred_at").toInstant(),
				row.getString("actor"), row.getString("action"), row.getString("subject_type"),
				row.getString("subject_id"), row.getString("result"), row.getString("client_address"),
				row.getString("details"), row.getString("previous_mac"), row.getString("mac"));
	}

}
