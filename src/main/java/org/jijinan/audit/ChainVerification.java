package org.jijinan.audit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every chain in order and reports the first record that is not what its chain says it should be: an edited
 * record (its HMAC no longer matches), a deleted one (a gap in the chain's sequence or a broken link), an inserted or
 * reordered one (a broken link, or a record beyond the head), a truncated tail (the head names a later record than
 * the last). Each chain is walked on its own, so one county's records cannot stand in for another's. Then the anchors:
 * the platform chain records, from time to time, how far every other chain had got ({@link ChainAnchors}); a chain
 * that no longer holds the record its latest anchor names lost its tail, even if its head was rolled back with it.
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
	 * Verifies the chains and records that it did so.
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
	 * @return the outcome of walking every chain and checking the anchors, from a consistent snapshot
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public VerificationReport verify() {
		List<Head> heads = jdbc.sql("select chain, sequence, mac, head_mac from audit_chain order by chain")
			.query((row, number) -> new Head(row.getString(1), row.getLong(2), row.getString(3), row.getString(4)))
			.list();
		long checked = 0;
		for (Head head : heads) {
			var walk = new Walk(head.chain(), mac.verifier(), checked);
			try (var records = jdbc.sql("select * from audit_record where chain = :chain order by chain_sequence")
				.param("chain", head.chain())
				.withFetchSize(500)
				.query(AuditRecords::map)
				.stream()) {
				records.forEach(walk::check);
			}
			VerificationReport report = walk.broken.get() != null ? walk.broken.get() : compareWithHead(walk, head);
			if (!report.intact()) {
				return report;
			}
			checked = report.checked();
		}
		Optional<String> headless = jdbc.sql("""
				select chain from audit_record where chain not in (select chain from audit_chain) limit 1""")
			.query(String.class)
			.optional();
		if (headless.isPresent()) {
			return VerificationReport.broken(checked, headless.get(), 1, "HEAD_MISSING");
		}
		return checkAnchors(checked);
	}

	private VerificationReport compareWithHead(Walk walk, Head head) {
		if (head.sequence() == 0 && walk.checkedHere == 0) {
			return VerificationReport.intact(walk.total());
		}
		if (!walk.verifier.verifies(ChainMac.headText(head.chain(), head.sequence(), head.mac()), head.headMac())) {
			return VerificationReport.broken(walk.total(), head.chain(), head.sequence(), "HEAD_FORGED");
		}
		if (walk.checkedHere < head.sequence()) {
			return VerificationReport.broken(walk.total(), head.chain(), walk.checkedHere + 1, "TRUNCATED");
		}
		if (walk.checkedHere > head.sequence()) {
			return VerificationReport.broken(walk.total(), head.chain(), head.sequence() + 1, "BEYOND_HEAD");
		}
		if (!head.mac().equals(walk.previousMac)) {
			return VerificationReport.broken(walk.total(), head.chain(), head.sequence(), "HEAD_MISMATCH");
		}
		return VerificationReport.intact(walk.total());
	}

	/**
	 * The latest anchor of each chain (itself verified as a record of the platform chain) must name a record the chain
	 * still holds, with the same MAC.
	 */
	private VerificationReport checkAnchors(long checked) {
		// One query: each chain's latest anchor beside the record the chain now holds at that place, if any.
		List<Anchor> anchors = jdbc.sql("""
				select a.chain, a.at, a.mac, r.mac
				  from (select distinct on (subject_id) subject_id as chain,
				               (details::jsonb ->> 'sequence')::bigint as at, details::jsonb ->> 'mac' as mac
				          from audit_record where chain = :platform and action = :anchored
				         order by subject_id, chain_sequence desc) a
				  left join audit_record r on r.chain = a.chain and r.chain_sequence = a.at
				 order by a.chain""")
			.param("platform", AuditEntry.PLATFORM)
			.param("anchored", ChainAnchors.ACTION)
			.query((row, number) -> new Anchor(row.getString(1), row.getLong(2), row.getString(3), row.getString(4)))
			.list();
		for (Anchor anchor : anchors) {
			if (anchor.held() == null) {
				return VerificationReport.broken(checked, anchor.chain(), anchor.sequence(), "ANCHORED_RECORD_MISSING");
			}
			if (!anchor.held().equals(anchor.mac())) {
				return VerificationReport.broken(checked, anchor.chain(), anchor.sequence(), "ANCHOR_MISMATCH");
			}
		}
		return VerificationReport.intact(checked);
	}

	private record Head(String chain, long sequence, String mac, String headMac) {
	}

	private record Anchor(String chain, long sequence, String mac, @Nullable String held) {
	}

	private static final class Walk {

		private final String chain;

		private final long before;

		private long checkedHere;

		private String previousMac = ChainMac.GENESIS;

		private final AtomicReference<@Nullable VerificationReport> broken = new AtomicReference<>();

		private final ChainMac.Verifier verifier;

		private Walk(String chain, ChainMac.Verifier verifier, long before) {
			this.chain = chain;
			this.verifier = verifier;
			this.before = before;
		}

		long total() {
			return before + checkedHere;
		}

		void check(AuditEntry entry) {
			if (broken.get() != null) {
				return;
			}
			long expected = checkedHere + 1;
			String problem = null;
			if (entry.chainSequence() != expected) {
				problem = "SEQUENCE_GAP";
			}
			else if (!entry.previousMac().equals(previousMac)) {
				problem = "LINK_BROKEN";
			}
			else if (!verifier.verifies(entry.canonical(), entry.mac())) {
				problem = "CONTENT_ALTERED";
			}
			if (problem != null) {
				broken.set(VerificationReport.broken(total(), chain, expected, problem));
				return;
			}
			checkedHere++;
			previousMac = entry.mac();
		}

	}

}
