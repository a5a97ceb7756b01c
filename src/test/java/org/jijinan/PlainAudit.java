package org.jijinan;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jijinan.audit.AuditTrail;

/**
 * What the audit trail writes for one record, done by hand for the benchmarks' plain-JDBC baselines: the chain's head
 * locked, the record inserted after it (with the trail's sequence number) and the head moved on. The MAC is a fixed
 * string: the baseline measures the writes, not the HMAC ({@link AuditTrail} computes it).
 */
public final class PlainAudit {

	private PlainAudit() {
	}

	/**
	 * Makes sure the chain has a head to lock (the platform creates it with the county's first record).
	 */
	public static void ensureChain(javax.sql.DataSource dataSource, String chain) {
		org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
			.sql("insert into audit_chain (chain, sequence, mac, head_mac) values (:chain, 0, :mac, 'genesis') "
					+ "on conflict (chain) do nothing")
			.param("chain", chain)
			.param("mac", "0".repeat(64))
			.update();
	}

	/**
	 * Appends one record to the chain in the connection's transaction.
	 */
	public static void append(Connection connection, String chain, String action, String subjectType,
			String subjectId, String details) throws SQLException {
		try (PreparedStatement head = connection
			.prepareStatement("select sequence, mac from audit_chain where chain = ? for update");
				PreparedStatement audit = connection.prepareStatement("""
						insert into audit_record (sequence, chain, chain_sequence, occurred_at, actor, action, subject_type,
						  subject_id, result, client_address, details, previous_mac, mac)
						values (nextval('audit_record_sequence'), ?, ?, now(), 'bench', ?, ?, ?, 'SUCCESS', '127.0.0.1', ?,
						  ?, ?)""");
				PreparedStatement moveHead = connection
					.prepareStatement("update audit_chain set sequence = ?, mac = ?, head_mac = ? where chain = ?")) {
			long sequence;
			String previous;
			head.setString(1, chain);
			try (ResultSet row = head.executeQuery()) {
				row.next();
				sequence = row.getLong(1) + 1;
				previous = row.getString(2);
			}
			String mac = "b".repeat(64);
			audit.setString(1, chain);
			audit.setLong(2, sequence);
			audit.setString(3, action);
			audit.setString(4, subjectType);
			audit.setString(5, subjectId);
			audit.setString(6, details);
			audit.setString(7, previous);
			audit.setString(8, mac);
			audit.executeUpdate();
			moveHead.setLong(1, sequence);
			moveHead.setString(2, mac);
			moveHead.setString(3, mac);
			moveHead.setString(4, chain);
			moveHead.executeUpdate();
		}
	}

}
