package org.jijinan.audit;

import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jijinan.SystemTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tampers with the stored chain as the database superuser would (triggers bypassed), checks that verification names
 * the first broken record, and restores the chain after each case.
 */
@SystemTest
class AuditChainTests {

	@Autowired
	AuditTrail trail;

	@Autowired
	ChainVerification verification;

	@Autowired
	JdbcClient application;

	@Autowired
	EmbeddedPostgres postgres;

	JdbcClient superuser;

	long head;

	@BeforeEach
	void appendSomeRecords() {
		DataSource owner = postgres.getDatabase("postgres", "jijinan");
		superuser = JdbcClient.create(owner);
		for (int i = 0; i < 5; i++) {
			trail.append("tester", "test.tamper-fixture", "fixture", "f" + i, "SUCCESS", Map.of("index", "" + i));
		}
		head = application.sql("select sequence from audit_chain_head").query(Long.class).single();
		assertThat(verification.verify().intact()).as(verification.verify().toString()).isTrue();
	}

	@Test
	void reportsAnIntactChainWithTheNumberOfRecords() {
		VerificationReport report = verification.verify();

		assertThat(report.intact()).isTrue();
		assertThat(report.checked()).isEqualTo(head);
	}

	@Test
	void detectsAnEditedRecord() {
		long target = head - 2;
		String actor = tampering("update audit_record set actor = 'someone-else' where sequence = " + target, () -> {
			assertBroken(target, "CONTENT_ALTERED");
			return null;
		}, "update audit_record set actor = 'tester' where sequence = " + target);
		assertThat(actor).isNull();
		assertThat(verification.verify().intact()).isTrue();
	}

	@Test
	void detectsAnEditedDetailEvenWithTheSameLength() {
		long target = head - 1;
		tampering("update audit_record set details = replace(details, '3', '4') where sequence = " + target, () -> {
			assertBroken(target, "CONTENT_ALTERED");
			return null;
		}, "update audit_record set details = replace(details, '4', '3') where sequence = " + target);
	}

	@Test
	void detectsADeletedRecord() {
		long target = head - 3;
		superuser.sql("create table tamper_saved as select * from audit_record where sequence = " + target).update();
		tampering("delete from audit_record where sequence = " + target, () -> {
			assertBroken(target, "SEQUENCE_GAP");
			return null;
		}, "insert into audit_record select * from tamper_saved; drop table tamper_saved");
	}

	@Test
	void detectsAnInsertedRecordInTheMiddle() {
		long target = head - 2;
		String shiftUp = "update audit_record set sequence = sequence + 1000000 where sequence >= " + target + ";"
				+ "update audit_record set sequence = sequence - 999999 where sequence > 1000000;"
				+ "insert into audit_record select " + target + ", occurred_at, 'intruder', action, subject_type, "
				+ "subject_id, result, client_address, details, previous_mac, mac from audit_record where sequence = "
				+ (target + 1);
		String shiftDown = "delete from audit_record where sequence = " + target + ";"
				+ "update audit_record set sequence = sequence + 1000000 where sequence > " + target + ";"
				+ "update audit_record set sequence = sequence - 1000001 where sequence > 1000000";
		tampering(shiftUp, () -> {
			assertBroken(target, "CONTENT_ALTERED");
			return null;
		}, shiftDown);
	}

	@Test
	void detectsARecordAppendedBehindTheApplicationsBack() {
		String forge = "insert into audit_record select sequence + 1, occurred_at, actor, action, subject_type, "
				+ "subject_id, result, client_address, details, mac, mac from audit_record where sequence = " + head;
		tampering(forge, () -> {
			assertBroken(head + 1, "CONTENT_ALTERED");
			return null;
		}, "delete from audit_record where sequence = " + (head + 1));
	}

	@Test
	void detectsATruncatedTail() {
		superuser.sql("create table tamper_tail as select * from audit_record where sequence > " + (head - 2)).update();
		tampering("delete from audit_record where sequence > " + (head - 2), () -> {
			assertBroken(head - 1, "TRUNCATED");
			return null;
		}, "insert into audit_record select * from tamper_tail; drop table tamper_tail");
	}

	@Test
	void detectsAHeadRolledBackToHideTheTail() {
		String earlier = superuser.sql("select mac from audit_record where sequence = " + (head - 2))
			.query(String.class)
			.single();
		String current = superuser.sql("select mac from audit_chain_head").query(String.class).single();
		String currentHeadMac = superuser.sql("select head_mac from audit_chain_head").query(String.class).single();
		tampering("update audit_chain_head set sequence = " + (head - 2) + ", mac = '" + earlier + "'", () -> {
			assertThat(verification.verify().intact()).isFalse();
			assertThat(verification.verify().problem()).isEqualTo("HEAD_FORGED");
			return null;
		}, "update audit_chain_head set sequence = " + head + ", mac = '" + current + "', head_mac = '"
				+ currentHeadMac + "'");
	}

	@Test
	void forbidsTheApplicationRoleToChangeOrRemoveRecords() {
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
	}

	@Test
	void refusesEvenTheOwnerAnUpdateWhileTheTriggerIsInPlace() {
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> superuser.sql("update audit_record set actor = 'x' where sequence = 1").update())
			.havingRootCause()
			.withMessageContaining("append-only");
	}

	private String tampering(String tamper, java.util.function.Supplier<Void> check, String restore) {
		inReplicaMode(tamper);
		try {
			check.get();
		}
		finally {
			inReplicaMode(restore);
		}
		assertThat(verification.verify().intact()).as("restored").isTrue();
		return null;
	}

	private void inReplicaMode(String statements) {
		superuser.sql("set session_replication_role = replica; " + statements + "; set session_replication_role = "
				+ "origin").update();
	}

	private void assertBroken(long sequence, String problem) {
		VerificationReport report = verification.verify();
		assertThat(report.intact()).isFalse();
		assertThat(report.firstBroken()).isEqualTo(sequence);
		assertThat(report.problem()).isEqualTo(problem);
		assertThat(report.checked()).isEqualTo(sequence - 1);
	}

}
