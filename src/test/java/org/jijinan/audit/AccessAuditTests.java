package org.jijinan.audit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * Reads of a person's, a case's or a bill's details and refused requests are in the audit trail — once per reader,
 * subject and window, so that a scan cannot flood it — and the chain still verifies.
 */
@SystemTest
class AccessAuditTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ChainVerification verification;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void recordsEachReadOfPersonalDataOncePerHourAndEachRefusalOncePerTenMinutes() {
		var staff = StaffFixtures.from(context);
		var clerkAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK,
				Role.TOWNSHIP_REVIEWER);
		Visitor clerk = StaffFixtures.signedIn(port, clerkAccount);
		var outsiderAccount = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor outsider = StaffFixtures.signedIn(port, outsiderAccount);
		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "审计对象", "idNumber": "%s", "residence": "632521101201"}""".formatted(idNumber())));

		for (int read = 0; read < 5; read++) {
			assertThat(clerk.get("/api/v1/persons/" + person).status()).isEqualTo(200);
		}
		assertThat(clerk.get("/people/" + person).status()).isEqualTo(200);
		assertThat(reads(clerkAccount.username(), "person", person)).as("one record for the hour").isEqualTo(1);
		clock.advance(Duration.ofMinutes(61));
		clerk.get("/api/v1/persons/" + person);
		assertThat(reads(clerkAccount.username(), "person", person)).as("a new hour, a new record").isEqualTo(2);

		for (int attempt = 0; attempt < 30; attempt++) {
			assertProblem(outsider.get("/api/v1/persons/" + person), 403, "people.out-of-scope");
		}
		assertThat(denials(outsiderAccount.username(), "GET /api/v1/persons/{id}")).as("one record per ten minutes")
			.isEqualTo(1);
		assertThat(jdbc.sql("""
				select sum(occurrences) from audit_access_window
				 where actor = :actor and kind = 'DENIED' and subject = 'GET /api/v1/persons/{id}'""")
			.param("actor", outsiderAccount.username())
			.query(Long.class)
			.single()).as("every refusal counted").isEqualTo(30);
		assertThat(jdbc.sql("select count(*) from audit_record where subject_id like '%' || :person || '%' "
				+ "and action = 'security.request-denied'")
			.param("person", person)
			.query(Long.class)
			.single()).as("the route is recorded, never the path that names the person").isZero();

		String number = CaseFixtures.acceptedCase(clerk, clerk, IntakeTests.request("EMERGENCY", "13909746001", "FIRE"));
		clerk.get("/api/v1/cases/" + number);
		clerk.get("/cases/" + number);
		assertThat(reads(clerkAccount.username(), "case", number)).isEqualTo(1);
		assertThat(verification.verify().intact()).isTrue();
	}

	/**
	 * A person's standings (低保, 特困 …) are their personal data: reading them is a read of the person.
	 */
	@Test
	void recordsAReadOfAPersonsStandingsAsAReadOfThePerson() {
		var staff = StaffFixtures.from(context);
		var clerkAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor clerk = StaffFixtures.signedIn(port, clerkAccount);
		var readerAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor reader = StaffFixtures.signedIn(port, readerAccount);
		var outsiderAccount = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor outsider = StaffFixtures.signedIn(port, outsiderAccount);
		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "身份审计对象", "idNumber": "%s", "residence": "632521101201"}""".formatted(idNumber())));

		assertThat(reader.get("/api/v1/persons/" + person + "/standings").status()).isEqualTo(200);
		assertThat(reads(readerAccount.username(), "person", person)).as("the standings read is recorded")
			.isEqualTo(1);
		reader.get("/api/v1/persons/" + person + "/standings");
		reader.get("/api/v1/persons/" + person);
		assertThat(reads(readerAccount.username(), "person", person)).as("one record for the person and the hour")
			.isEqualTo(1);

		assertProblem(outsider.get("/api/v1/persons/" + person + "/standings"), 403, "people.out-of-scope");
		assertThat(reads(outsiderAccount.username(), "person", person)).as("a refused read shows nothing")
			.isZero();
		assertThat(denials(outsiderAccount.username(), "GET /api/v1/persons/{id}/standings")).isEqualTo(1);
		assertThat(verification.verify().intact()).isTrue();
	}

	/**
	 * Refusals made by the security filters themselves, before any module's code runs, are recorded too: a session
	 * without its CSRF token and a partner system calling what its scopes do not cover.
	 */
	@Test
	void recordsTheRefusalsOfTheSecurityFiltersWithoutTheSubjectInThePath() {
		var staff = StaffFixtures.from(context);
		var clerkAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor clerk = StaffFixtures.signedIn(port, clerkAccount);
		for (int attempt = 0; attempt < 3; attempt++) {
			Visitor.Page forged = clerk.send(java.net.http.HttpRequest.newBuilder(clerk.uri("/api/v1/help-requests/"
					+ "JJ-20261206-000042/acceptance"))
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("")));
			assertProblem(forged, 403, "security.csrf-token-invalid");
		}
		assertThat(denials(clerkAccount.username(), "POST /api/v1/help-requests/{…}/acceptance"))
			.as("one record for the window, the request number left out").isEqualTo(1);

		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		String system = "审计测试系统" + System.nanoTime();
		var partner = org.jijinan.identity.PartnerFixtures.register(port, admin, system,
				clerkAccount.unitId().value().toString(), "help-requests:write");
		assertProblem(partner.get("/api/v1/cases"), 403, "security.access-denied");
		assertThat(denials(system, "GET /api/v1/cases")).as("a partner outside its scopes").isEqualTo(1);
		assertThat(verification.verify().intact()).isTrue();
	}

	private long reads(String actor, String type, String subject) {
		return jdbc.sql("""
				select count(*) from audit_record
				 where actor = :actor and action = 'audit.personal-data-read' and subject_type = :type
				   and subject_id = :subject""")
			.param("actor", actor)
			.param("type", type)
			.param("subject", subject)
			.query(Long.class)
			.single();
	}

	private long denials(String actor, String route) {
		return jdbc.sql("""
				select count(*) from audit_record
				 where actor = :actor and action = 'security.request-denied' and subject_id = :route""")
			.param("actor", actor)
			.param("route", route)
			.query(Long.class)
			.single();
	}

	private static String idNumber() {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		return body + ResidentIdNumber.checkCharacter(body);
	}

}
