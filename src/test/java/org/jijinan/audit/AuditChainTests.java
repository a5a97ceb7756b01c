package org.jijinan.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.SystemTest;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tampers with the stored chains as the database superuser would (triggers bypassed), checks that verification names
 * the chain and the first broken record in it, and restores the chains after each case. Records are appended by
 * staff of two counties (共和县 632521 and 同德县 632522), each county's to a chain of its own, and by the system to
 * the platform chain; the tampering is done to 共和县's chain.
 */
@SystemTest
class AuditChainTests {

	static final String GONGHE = "632521";

	static final String TONGDE = "632522";

	@Autowired
	AuditTrail trail;

	@Autowired
	ChainVerification verification;

	@Autowired
	ChainAnchors anchors;

	@Autowired
	JdbcClient application;

	@Autowired
	EmbeddedPostgres postgres;

	JdbcClient superuser;

	/** The length of 共和县's chain after the fixture's appends. */
	long head;

	@BeforeEach
	void appendSomeRecords() {
		DataSource owner = postgres.getDatabase("postgres", "jijinan");
		superuser = JdbcClient.create(owner);
		for (int i = 0; i < 5; i++) {
			trail.append("tester", "test.tamper-fixture", "fixture", "f" + i, "SUCCESS", Map.of("index", "" + i));
			as(GONGHE + "100", () -> trail.append("gonghe-clerk", "test.tamper-fixture", "fixture", "g", "SUCCESS",
					Map.of()));
			as(TONGDE + "100", () -> trail.append("tongde-clerk", "test.tamper-fixture", "fixture", "t", "SUCCESS",
					Map.of()));
		}
		head = application.sql("select sequence from audit_chain where chain = :chain")
			.param("chain", GONGHE)
			.query(Long.class)
			.single();
		assertThat(verification.verify().intact()).as(verification.verify().toString()).isTrue();
	}

	@Test
	void keepsEachCountysRecordsInAChainOfItsOwn() {
		assertThat(application.sql("select distinct chain from audit_record where actor = 'gonghe-clerk'")
			.query(String.class)
			.list()).containsExactly(GONGHE);
		assertThat(application.sql("select distinct chain from audit_record where actor = 'tongde-clerk'")
			.query(String.class)
			.list()).containsExactly(TONGDE);
		assertThat(application.sql("select distinct chain from audit_record where actor = 'tester'")
			.query(String.class)
			.list()).containsExactly(AuditEntry.PLATFORM);
		assertThat(head).isGreaterThanOrEqualTo(5);
	}

	@Test
	void reportsIntactChainsWithTheNumberOfRecords() {
		VerificationReport report = verification.verify();

		assertThat(report.intact()).isTrue();
		assertThat(report.checked())
			.isEqualTo(application.sql("select count(*) from audit_record").query(Long.class).single());
	}

	@Test
	void detectsAnEditedRecord() {
		long target = head - 2;
		tampering("update audit_record set actor = 'someone-else' where " + at(target),
				() -> assertBroken(target, "CONTENT_ALTERED"), "update audit_record set actor = 'gonghe-clerk' where "
						+ at(target));
	}

	@Test
	void detectsAnEditedDetailEvenWithTheSameLength() {
		long target = head - 1;
		tampering("update audit_record set details = '[]' where " + at(target),
				() -> assertBroken(target, "CONTENT_ALTERED"), "update audit_record set details = '{}' where "
						+ at(target));
	}

	@Test
	void detectsADeletedRecord() {
		long target = head - 3;
		superuser.sql("create table tamper_saved as select * from audit_record where " + at(target)).update();
		tampering("delete from audit_record where " + at(target), () -> assertBroken(target, "SEQUENCE_GAP"),
				"insert into audit_record select * from tamper_saved; drop table tamper_saved");
	}

	@Test
	void detectsTwoRecordsSwapped() {
		long first = head - 3;
		long second = head - 2;
		String swap = "update audit_record set chain_sequence = 999999999 where " + at(first) + ";"
				+ "update audit_record set chain_sequence = " + first + " where " + at(second) + ";"
				+ "update audit_record set chain_sequence = " + second + " where " + at(999999999);
		tampering(swap, () -> assertBroken(first, "LINK_BROKEN"), swap);
	}

	/**
	 * Both chains' first records link to the same genesis: only the chain's name in what the MAC covers tells 同德县's
	 * first record from 共和县's.
	 */
	@Test
	void detectsARecordMovedInFromAnotherCountysChain() {
		superuser.sql("create table tamper_saved as select * from audit_record where " + at(1)).update();
		String replace = "delete from audit_record where " + at(1) + ";"
				+ "insert into audit_record (sequence, chain, chain_sequence, occurred_at, actor, action, subject_type,"
				+ " subject_id, result, client_address, details, previous_mac, mac)"
				+ " select (select max(sequence) + 1 from audit_record), '" + GONGHE + "', 1, occurred_at, actor,"
				+ " action, subject_type, subject_id, result, client_address, details, previous_mac, mac"
				+ " from audit_record where chain = '" + TONGDE + "' and chain_sequence = 1";
		tampering(replace, () -> assertBroken(1, "CONTENT_ALTERED"), "delete from audit_record where " + at(1)
				+ "; insert into audit_record select * from tamper_saved; drop table tamper_saved");
	}

	@Test
	void detectsARecordAppendedBehindTheApplicationsBack() {
		String forge = "insert into audit_record (sequence, chain, chain_sequence, occurred_at, actor, action,"
				+ " subject_type, subject_id, result, client_address, details, previous_mac, mac)"
				+ " select (select max(sequence) + 1 from audit_record), chain, chain_sequence + 1, occurred_at, actor,"
				+ " action, subject_type, subject_id, result, client_address, details, mac, mac from audit_record"
				+ " where " + at(head);
		tampering(forge, () -> assertBroken(head + 1, "CONTENT_ALTERED"),
				"delete from audit_record where " + at(head + 1));
	}

	@Test
	void detectsATruncatedTail() {
		superuser.sql("create table tamper_tail as select * from audit_record where chain = '" + GONGHE
				+ "' and chain_sequence > " + (head - 2))
			.update();
		tampering("delete from audit_record where chain = '" + GONGHE + "' and chain_sequence > " + (head - 2),
				() -> assertBroken(head - 1, "TRUNCATED"),
				"insert into audit_record select * from tamper_tail; drop table tamper_tail");
	}

	@Test
	void detectsAHeadSetBackByHand() {
		String earlier = superuser.sql("select mac from audit_record where " + at(head - 2)).query(String.class).single();
		Map<String, Object> current = superuser.sql("select mac, head_mac from audit_chain where chain = '" + GONGHE + "'")
			.query()
			.singleRow();
		tampering("update audit_chain set sequence = " + (head - 2) + ", mac = '" + earlier + "' where chain = '"
				+ GONGHE + "'", () -> {
					VerificationReport report = verification.verify();
					assertThat(report.intact()).isFalse();
					assertThat(report.chain()).isEqualTo(GONGHE);
					assertThat(report.problem()).isEqualTo("HEAD_FORGED");
				}, "update audit_chain set sequence = " + head + ", mac = '" + current.get("mac") + "', head_mac = '"
						+ current.get("head_mac") + "' where chain = '" + GONGHE + "'");
	}

	/**
	 * The attack the anchors are for: the tail deleted and the head rolled back to an earlier one the application
	 * itself wrote — the chain alone still verifies; its anchor in the platform chain does not.
	 */
	@Test
	void detectsADeletedTailWithItsHeadRolledBackThroughTheAnchor() {
		Map<String, Object> earlier = superuser.sql("select sequence, mac, head_mac from audit_chain where chain = '"
				+ GONGHE + "'").query().singleRow();
		as(GONGHE + "100", () -> {
			trail.append("gonghe-clerk", "test.tamper-fixture", "fixture", "late-1", "SUCCESS", Map.of());
			trail.append("gonghe-clerk", "test.tamper-fixture", "fixture", "late-2", "SUCCESS", Map.of());
		});
		assertThat(anchors.anchor()).as("the chains that moved").isGreaterThanOrEqualTo(1);
		assertThat(anchors.anchor()).as("nothing moved since").isZero();
		Map<String, Object> current = superuser.sql("select sequence, mac, head_mac from audit_chain where chain = '"
				+ GONGHE + "'").query().singleRow();
		superuser.sql("create table tamper_tail as select * from audit_record where chain = '" + GONGHE
				+ "' and chain_sequence > " + head)
			.update();

		tampering("delete from audit_record where chain = '" + GONGHE + "' and chain_sequence > " + head + ";"
				+ headSetTo(earlier), () -> assertBroken(head + 2, "ANCHORED_RECORD_MISSING"),
				"insert into audit_record select * from tamper_tail; drop table tamper_tail;" + headSetTo(current));
	}

	@Test
	void forbidsTheApplicationRoleToChangeOrRemoveRecordsAndHeads() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> application.sql("update audit_record set actor = 'x' where sequence = 1").update())
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> application.sql("delete from audit_record where sequence = 1").update())
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> application.sql("truncate audit_record").update())
			.havingRootCause()
			.withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> application.sql("delete from audit_chain where chain = '" + GONGHE + "'").update())
			.havingRootCause()
			.withMessageContaining("permission denied");
	}

	@Test
	void refusesEvenTheOwnerAnUpdateWhileTheTriggerIsInPlace() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> superuser.sql("update audit_record set actor = 'x' where sequence = 1").update())
			.havingRootCause()
			.withMessageContaining("append-only");
	}

	@Test
	void anchorsOnItsScheduleWhileOthersAppendToThePlatformChainWithoutNumberingARecordTwice() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int writer = 0; writer < 3; writer++) {
				int index = writer;
				work.add(pool.submit(() -> {
					for (int i = 0; i < 150; i++) {
						trail.append("tester", "test.platform-append", "fixture", "w" + index, "SUCCESS", Map.of());
					}
				}));
			}
			work.add(pool.submit(() -> {
				for (int i = 0; i < 150; i++) {
					as(GONGHE + "100", () -> trail.append("gonghe-clerk", "test.anchor-race", "fixture", "g",
							"SUCCESS", Map.of()));
					anchors.scheduled();
				}
			}));
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(verification.verify().intact()).as(verification.verify().toString()).isTrue();
	}

	private static String at(long chainSequence) {
		return "chain = '" + GONGHE + "' and chain_sequence = " + chainSequence;
	}

	private static String headSetTo(Map<String, Object> head) {
		return "update audit_chain set sequence = " + head.get("sequence") + ", mac = '" + head.get("mac")
				+ "', head_mac = '" + head.get("head_mac") + "' where chain = '" + GONGHE + "'";
	}

	/** Appends as a clerk of a township of the county the code starts with. */
	private static void as(String township, Runnable appends) {
		Caller clerk = new Caller() {

			@Override
			public String name() {
				return "clerk";
			}

			@Override
			public Set<String> roles() {
				return Set.of();
			}

			@Override
			public DivisionCode regionScope() {
				return DivisionCode.of(township);
			}

		};
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(clerk, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			appends.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void tampering(String tamper, Runnable check, String restore) {
		inReplicaMode(tamper);
		try {
			check.run();
		}
		finally {
			inReplicaMode(restore);
		}
		assertThat(verification.verify().intact()).as("restored").isTrue();
	}

	private void inReplicaMode(String statements) {
		superuser.sql("set session_replication_role = replica; " + statements + "; set session_replication_role = "
				+ "origin").update();
	}

	private void assertBroken(long chainSequence, String problem) {
		VerificationReport report = verification.verify();
		assertThat(report.intact()).as(report.toString()).isFalse();
		assertThat(report.chain()).as("the chain tampered with, not another").isEqualTo(GONGHE);
		assertThat(report.firstBroken()).isEqualTo(chainSequence);
		assertThat(report.problem()).isEqualTo(problem);
	}

}
