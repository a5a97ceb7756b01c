package org.jijinan.audit;

import java.util.concurrent.atomic.AtomicReference;

import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole chain in order and reports the first record that is not what the chain says it should be: an
 * edited record (its HMAC no longer matches), a deleted one (a gap in the sequence or a broken link), an inserted
 * one (a broken link, or a record beyond the head), a truncated tail (the head names a later record than the last).
 */
@Service
public class ChainVerification {

	private final JdbcClient jdbc;

	private final ChainMac mac;

	private final AuditTrail trail;

	ChainVerification(JdbcClient jdbc, ChainMac mac, AuditTrail trail) {
		this.jdbc = jdbc;
		this.mac = mac;
		this.trail = trail;
	}

	/**
	 * Verifies the chain and records that it did so.
	 * @param caller who asked
	 * @return the outcome
	 */
	@Transactional
	public VerificationReport verifyFor(Caller caller) {
		VerificationReport report = verify();
		trail.append(caller.name(), "audit.chain-verified", "audit-chain", "1", report.intact() ? "SUCCESS" : "FAILURE",
				java.util.Map.of("checked", String.valueOf(report.checked())));
		return report;
	}

	/**
	 * @return the outcome of walking the chain, from a consistent snapshot
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public VerificationReport verify() {
		var walk = new Walk(mac.verifier());
		try (var records = jdbc.sql("select * from audit_record order by sequence")
			.withFetchSize(500)
			.query(AuditRecords::map)
			.stream()) {
			records.forEach(walk::check);
		}
		if (walk.broken.get() != null) {
			return walk.broken.get();
		}
		return compareWithHead(walk);
	}

	private VerificationReport compareWithHead(Walk walk) {
		var head = jdbc.sql("select sequence, mac, head_mac from audit_chain_head where id = 1")
			.query((row, number) -> new String[] { Long.toString(row.getLong(1)), row.getString(2), row.getString(3) })
			.single();
		long headSequence = Long.parseLong(head[0]);
		if (headSequence == 0 && walk.checked == 0) {
			return VerificationReport.intact(0);
		}
		if (!walk.verifier.verifies(ChainMac.headText(headSequence, head[1]), head[2])) {
			return VerificationReport.broken(walk.checked, headSequence, "HEAD_FORGED");
		}
		if (walk.checked < headSequence) {
			return VerificationReport.broken(walk.checked, walk.checked + 1, "TRUNCATED");
		}
		if (walk.checked > headSequence) {
			return VerificationReport.broken(walk.checked, headSequence + 1, "BEYOND_HEAD");
		}
		if (!head[1].equals(walk.previousMac)) {
			return VerificationReport.broken(walk.checked, headSequence, "HEAD_MISMATCH");
		}
		return VerificationReport.intact(walk.checked);
	}

	private final class Walk {

		private long checked;

		private String previousMac = ChainMac.GENESIS;

		private final AtomicReference<@Nullable VerificationReport> broken = new AtomicReference<>();

		private final ChainMac.Verifier verifier;

		private Walk(ChainMac.Verifier verifier) {
			this.verifier = verifier;
		}

		void check(AuditEntry entry) {
			if (broken.get() != null) {
				return;
			}
			long expected = checked + 1;
			String problem = null;
			if (entry.sequence() != expected) {
				problem = "SEQUENCE_GAP";
			}
			else if (!entry.previousMac().equals(previousMac)) {
				problem = "LINK_BROKEN";
			}
			else if (!verifier.verifies(entry.canonical(), entry.mac())) {
				problem = "CONTENT_ALTERED";
			}
			if (problem != null) {
				broken.set(VerificationReport.broken(checked, expected, problem));
				return;
			}
			checked++;
			previousMac = entry.mac();
		}

	}

}
