package org.jijinan.supervision;

import java.time.Duration;
import java.util.UUID;

import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * The paperwork of emergency aid (先行救助补办手续) is a watched step: due after the working days the parameters
 * give, escalated to the township and then the county's supervisors when it is late, closed when it is done.
 */
@SystemTest
class EmergencyPaperworkTests {

	static final DivisionCode QIABUQIA = StaffFixtures.QIABUQIA;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	DeadlineSweep sweep;

	DeadlineMessages alerts;

	Visitor clerk;

	Visitor officer;

	String officerName;

	Visitor county;

	@BeforeEach
	void signIn() {
		alerts = new DeadlineMessages(jdbc);
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port, staff.active(QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		var officerAccount = staff.active(QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		officerName = officerAccount.username();
		officer = StaffFixtures.signedIn(port, officerAccount);
		county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void watchesThePaperworkDeadlineAndEscalatesIt() {
		county.json("POST", "/api/v1/reserve-funds/632521100/top-ups",
				"{\"amount\": 2000, \"reference\": \"GH-BYJ-%s\"}".formatted(UUID.randomUUID()));
		String number = emergencyCase();
		Page granted = officer.json("POST", "/api/v1/cases/" + number + "/emergency-aid", """
				{"cause": "FIRE", "amount": 800, "situation": "房屋夜间失火，一家人无处安身"}""");
		String grant = idOf(granted);
		// People read the grant's voucher number in the step and its messages, never its internal key.
		String voucher = granted.body().replaceAll("(?s).*\"number\":\"(XJ-[0-9]{4}-[0-9]{6})\".*", "$1");
		assertThat(voucher).matches("XJ-[0-9]{4}-[0-9]{6}");
		UUID step = jdbc.sql("select id from supervision_step where subject_ref = :voucher and kind = 'EMERGENCY_PAPERWORK'")
			.param("voucher", voucher)
			.query(UUID.class)
			.single();

		clock.advance(Duration.ofDays(10));
		sweep.sweep();
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "OVERDUE") == 2);
		assertThat(officer.get("/inbox").body()).contains("【超时】先行救助补办手续 " + voucher + "（个案 " + number + "）")
			.doesNotContain(grant);
		clock.advance(Duration.ofDays(4));
		sweep.sweep();
		sweep.sweep();
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "SUPERVISOR") == 1);

		assertProblem(officer.json("POST", "/api/v1/emergency-aid/" + grant + "/paperwork", "{\"note\": \"\"}"), 400,
				"relief.paperwork-note-required");
		assertProblem(officer.json("POST", "/api/v1/emergency-aid/" + grant + "/paperwork",
				"{\"note\": \"已补登记申请人信息、补签领款收据和审批表\"}"), 422, "relief.case-not-linked");
		String person = CaseFixtures.linkedToNewPerson(officer, number);
		assertThat(jdbc.sql("select count(*) from relief_assistance where case_number = :n and person_id = :p::uuid")
			.param("n", number)
			.param("p", person)
			.query(Long.class)
			.single()).as("the aid given before the link is now in the person's chain").isEqualTo(1);
		Page done = officer.json("POST", "/api/v1/emergency-aid/" + grant + "/paperwork",
				"{\"note\": \"已补登记申请人信息、补签领款收据和审批表\"}");
		assertThat(done.body()).contains("\"paperworkDoneBy\":\"" + officerName + "\"");
		assertThat(jdbc.sql("select status from supervision_step where id = :id").param("id", step).query(String.class)
			.single()).isEqualTo("DONE");
		assertProblem(officer.json("POST", "/api/v1/emergency-aid/" + grant + "/paperwork", "{\"note\": \"再次补办手续\"}"),
				409, "relief.paperwork-already-complete");
	}

	private String emergencyCase() {
		String body = """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterName": "邻居", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "13909746666", "subjectName": "卓玛", "village": "632521100201",
				 "description": "夜间失火，房屋烧毁", "causes": ["FIRE"]}""";
		return CaseFixtures.acceptedCase(clerk, officer, body);
	}

}
