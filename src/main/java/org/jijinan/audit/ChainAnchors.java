package org.jijinan.audit;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain of chains: from time to time, the head of every county's chain that moved since it was last anchored is
 * written into the platform chain ({@value #ACTION}: the chain, its place and MAC). Whoever deletes a county's tail
 * and rolls its head back to an earlier one (which still verifies) is caught by the anchor, which they cannot remove
 * without breaking the platform chain. Heads being appended to just now are skipped and anchored next time; on
 * several nodes each head is anchored by one.
 */
@Component
class ChainAnchors {

	static final String ACTION = "audit.chain-anchored";

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final TransactionTemplate transactions;

	ChainAnchors(JdbcClient jdbc, AuditTrail trail, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.transactions = transactions;
	}

	@Scheduled(fixedDelayString = "${jijinan.audit.anchor-interval:PT5M}",
			initialDelayString = "${jijinan.audit.anchor-interval:PT5M}")
	void scheduled() {
		anchor();
	}

	/**
	 * Anchors in one transaction, whoever calls: the heads stay locked until the anchors are written. (An annotation
	 * would not do: the schedule calls this method on the component itself, past its transactional proxy, and each
	 * statement then committed alone — the platform chain's head was released between reading it and appending to
	 * it, and a concurrent append numbered its record the same.)
	 * @return how many chains were anchored
	 */
	int anchor() {
		Integer anchored = transactions.execute(status -> anchorMoved());
		return anchored == null ? 0 : anchored;
	}

	private int anchorMoved() {
		List<Head> moved = jdbc.sql("""
				select chain, sequence, mac from audit_chain
				 where chain <> :platform and sequence > anchored_sequence
				 order by chain for update skip locked""")
			.param("platform", AuditEntry.PLATFORM)
			.query((row, number) -> new Head(row.getString(1), row.getLong(2), row.getString(3)))
			.list();
		if (moved.isEmpty()) {
			return 0;
		}
		trail.appendAll(AuditEntry.PLATFORM, moved.stream()
			.map(head -> new AuditTrail.Draft("system", ACTION, "audit-chain", head.chain(), "SUCCESS",
					Map.of("sequence", Long.toString(head.sequence()), "mac", head.mac())))
			.toList());
		jdbc.sql("""
				update audit_chain c set anchored_sequence = m.sequence
				  from unnest(string_to_array(:chains, ','), :sequences) as m(chain, sequence)
				 where c.chain = m.chain""")
			.param("chains", String.join(",", moved.stream().map(Head::chain).toList()))
			.param("sequences", moved.stream().mapToLong(Head::sequence).toArray())
			.update();
		return moved.size();
	}

	private record Head(String chain, long sequence, String mac) {
	}

}
