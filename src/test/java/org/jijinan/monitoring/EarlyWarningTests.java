package org.jijinan.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.audit.ChainVerification;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.PartnerFixtures.Partner;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.relief.InsurerReports;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.jijinan.supervision.Sweeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Households found from data: a ruinous own share of a hospital bill raises a red warning for the village in the
 * settlement's own transaction; a household is warned once per rule and year; an unchecked warning escalates;
 * departments send only the kinds their agreement names; a signal about someone not registered waits for them; and
 * trying a rule on past signals counts what the rule then does.
 */
@SystemTest
class EarlyWarningTests {

	static final DivisionCode TOWNSHIP = new DivisionCode("632521203");

	static final String VILLAGE = "632521203911";

	static final String OTHER_VILLAGE = "632521203912";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	WorkingDayCalendar calendar;

	Visitor clerk;

	Visitor hospital;

	Visitor admin;

	Opened reporter;

	@BeforeEach
	void signIn() {
		TestVillages.ensure(context, VILLAGE, "铁盖预警一村", OTHER_VILLAGE, "铁盖预警二村");
		var staff = StaffFixtures.from(context);
		reporter = staff.active(new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER);
		clerk = StaffFixtures.signedIn(port, staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK,
				Role.TOWNSHIP_REVIEWER));
		hospital = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER));
		admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void aRuinousOwnShareRaisesOneRedWarningForTheVillageWithinTheSettlement() {
		String idNumber = TestIdNumbers.fresh();
		String person = register("格桑", idNumber, VILLAGE);
		Partner civilAffairs = partner(UnitKind.HUMAN_RESOURCES_SOCIAL_SECURITY_DEPARTMENT, "HOUSEHOLD_INCOME");
		assertThat(civilAffairs.json("POST", "/api/v1/monitoring-signals", signal("HOUSEHOLD_INCOME", idNumber,
				LocalDate.now().minusMonths(2), "20000")).status()).isEqualTo(201);

		Page settled = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital,
				bill(idNumber, "格桑", "200000.00", "30000.00", "230000.00")));

		assertThat(settled.status()).as(settled.body()).isEqualTo(201);
		Map<String, Object> warning = warningOf(person, "MEDICAL_SPENDING");
		assertThat(warning).containsEntry("severity", "RED").containsEntry("status", "OPEN");
		assertThat((String) warning.get("reason")).matches(LocalDate.now().getYear()
				+ " 年自付医疗费 [0-9,.]+ 元，为家庭年收入的 [0-9.]+ 倍");
		String owner = (String) warning.get("owner");
		assertThat(owner).as("the village's own reporter").isIn(reportersOf(VILLAGE));
		Instant raised = ((java.sql.Timestamp) warning.get("raised_at")).toInstant();
		Instant due = ((java.sql.Timestamp) warning.get("due_at")).toInstant();
		assertThat(due).as("one working day for a red warning").isEqualTo(calendar.plusWorkingDays(raised, 1));
		Map<String, Object> step = jdbc.sql("""
				select responsible, due_at, unit_key, status from supervision_step
				 where kind = 'WARNING_CHECK' and subject_ref = :number""")
			.param("number", warning.get("number"))
			.query()
			.singleRow();
		assertThat(step).containsEntry("responsible", owner).containsEntry("unit_key", "township:" + TOWNSHIP.value())
			.containsEntry("status", "OPEN");
		assertThat(((java.sql.Timestamp) step.get("due_at")).toInstant()).isEqualTo(due);

		Page again = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital,
				bill(idNumber, "格桑", "20000.00", "5000.00", "25000.00")));
		assertThat(again.status()).as(again.body()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from monitoring_warning where person_id = :person")
			.param("person", UUID.fromString(person))
			.query(Long.class)
			.single()).as("one warning per household, rule and year").isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from monitoring_warning_signal ws join monitoring_warning w on w.id = ws.warning_id
				 where w.person_id = :person""")
			.param("person", UUID.fromString(person))
			.query(Long.class)
			.single()).as("the second bill joined the open warning").isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from supervision_step where kind = 'WARNING_CHECK' and subject_ref = :n")
			.param("n", warning.get("number"))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aReversedSettlementWithdrawsTheWarningItAloneRaisedUntilARealBillRaisesItAgain() {
		String idNumber = TestIdNumbers.fresh();
		String person = register("达娃", idNumber, VILLAGE);
		Page settled = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital,
				bill(idNumber, "达娃", "200000.00", "30000.00", "230000.00")));
		assertThat(settled.status()).as(settled.body()).isEqualTo(201);
		String number = (String) warningOf(person, "MEDICAL_SPENDING").get("number");
		long signalsBefore = signals();

		Page reversed = hospital.json("POST", "/api/v1/medical-settlements/" + CaseFixtures.idOf(settled) + "/reversal",
				"{\"reason\": \"医院重复上传，冲正\"}");

		assertThat(reversed.status()).as(reversed.body()).isEqualTo(200);
		assertThat(warningOf(person, "MEDICAL_SPENDING")).containsEntry("status", "WITHDRAWN");
		assertThat(signals()).as("the bill's signal is taken back").isEqualTo(signalsBefore - 1);
		assertThat(jdbc.sql("select status from supervision_step where kind = 'WARNING_CHECK' and subject_ref = :n")
			.param("n", number)
			.query(String.class)
			.single()).as("nobody owes the check any more").isEqualTo("CANCELLED");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'monitoring.warning-withdrawn' and subject_id = :n")
			.param("n", number)
			.query(Long.class)
			.single()).isEqualTo(1);
		Page gone = StaffFixtures.signedIn(port, reporter).json("POST", "/api/v1/monitoring-warnings/" + number + "/checks",
				"{\"method\": \"CALL\", \"checkedOn\": \"%s\", \"findings\": \"已出院\", \"outcome\": \"NO_NEED\", \"reason\": \"无需\"}"
					.formatted(LocalDate.now(WorkingDayCalendar.COUNTY)));
		assertThat(gone.status()).as("a withdrawn warning cannot be checked").isEqualTo(409);

		String admission = settled.body().replaceAll("(?s).*\"admissionNumber\":\"([^\"]+)\".*", "$1");
		Page real = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital,
				bill(idNumber, "达娃", "200000.00", "30000.00", "230000.00").replaceAll("ZY-[0-9a-f]{8}", admission)));
		assertThat(real.status()).as(real.body()).isEqualTo(201);
		assertThat(warningOf(person, "MEDICAL_SPENDING")).as("the real bill raises the warning again")
			.containsEntry("status", "OPEN")
			.containsEntry("number", number);
		assertThat(jdbc.sql("""
				select count(*) from supervision_step where kind = 'WARNING_CHECK' and subject_ref = :n and status = 'OPEN'""")
			.param("n", number)
			.query(Long.class)
			.single()).as("owed a check again").isEqualTo(1);
	}

	@Test
	void townshipStaffSeeTheSignalsBehindAWarningAndEachDetailViewIsAuditedWhileTheReporterSeesNone() {
		String idNumber = TestIdNumbers.fresh();
		String person = register("拉姆", idNumber, VILLAGE);
		Partner emergency = partner(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, "DISASTER_DAMAGE");
		Page sent = emergency.json("POST", "/api/v1/monitoring-signals", """
				{"kind": "DISASTER_DAMAGE", "reference": "%s", "idNumber": "%s", "occurredOn": "%s", "amount": 26000,
				 "detail": "房屋倒塌两间，牲畜损失 12 头"}""".formatted("REF-" + UUID.randomUUID(), idNumber, LocalDate.now()));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String number = (String) warningOf(person, "DISASTER_DAMAGE").get("number");
		String path = "/api/v1/monitoring-warnings/" + number + "/signals";

		Page listed = clerk.get(path);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
		assertThat(listed.body()).contains("DISASTER_DAMAGE").doesNotContain("房屋倒塌").doesNotContain("26000");
		long views = auditCount("monitoring.signal-viewed", number);
		Page detail = clerk.json("POST", path + "/1/views", "");
		assertThat(detail.status()).as(detail.body()).isEqualTo(200);
		assertThat(detail.body()).contains("房屋倒塌两间").contains("26000");
		assertThat(auditCount("monitoring.signal-viewed", number)).isEqualTo(views + 1);
		assertThat(clerk.json("POST", path + "/2/views", "").status()).isEqualTo(404);
		assertThat(auditCount("monitoring.signal-viewed", number)).isEqualTo(views + 1);

		Visitor villageReporter = StaffFixtures.signedIn(port, reporter);
		Page reporterList = villageReporter.get(path);
		assertThat(reporterList.status()).isEqualTo(200);
		assertThat(reporterList.body()).isEqualTo("[]");
		Page refused = villageReporter.json("POST", path + "/1/views", "");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("monitoring.signal-detail-not-allowed").doesNotContain("房屋倒塌");
	}

	@Test
	void aHouseholdLosingItsStandingAfterAHospitalStayIsWarnedFromThePlatformsOwnRosters() {
		StandingSignals rosters = context.getBean(StandingSignals.class);
		rosters.run();
		String idNumber = TestIdNumbers.fresh();
		String person = register("贡保", idNumber, OTHER_VILLAGE);
		Page household = clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(person));
		assertThat(household.status()).as(household.body()).isEqualTo(201);
		Page settled = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital,
				bill(idNumber, "贡保", "8000.00", "1000.00", "9000.00")));
		assertThat(settled.status()).as(settled.body()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from monitoring_warning where person_id = :person")
			.param("person", UUID.fromString(person))
			.query(Long.class)
			.single()).as("a modest own share alone warns nobody").isZero();

		LocalDate yesterday = LocalDate.now(WorkingDayCalendar.COUNTY).minusDays(1);
		Page ended = clerk.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "householdId": "%s", "source": "共民〔2025〕3号",
				 "validFrom": "2025-01-01", "validTo": "%s"}""".formatted(CaseFixtures.idOf(household), yesterday));
		assertThat(ended.status()).as(ended.body()).isEqualTo(201);
		rosters.run();
		rosters.run();

		assertThat(jdbc.sql("""
				select count(*) from monitoring_signal where person_id = :person and kind = 'STANDING_ENDED'
				   and category = 'MINIMUM_LIVING_ALLOWANCE' and occurred_on = :on""")
			.param("person", UUID.fromString(person))
			.param("on", yesterday)
			.query(Long.class)
			.single()).as("one signal for the ending, however often the log is read").isEqualTo(1);
		Map<String, Object> warning = warningOf(person, "STANDING_LOST_IN_HOSPITAL");
		assertThat(warning).containsEntry("severity", "RED").containsEntry("status", "OPEN");
		assertThat((String) warning.get("reason")).isEqualTo(yesterday + " 救助资格终止，家庭成员 3 个月内住院");
	}

	@Test
	void aCaseEndedWithoutAidIsASignalThatASecondHardshipTurnsIntoAWarning() {
		String idNumber = TestIdNumbers.fresh();
		String caseNumber = CaseFixtures.acceptedCase(clerk, clerk, """
				{"channel": "WINDOW", "urgency": "NORMAL", "reporterRelation": "SELF", "reporterPhone": "1389741%04d",
				 "subjectIdNumber": "%s", "subjectName": "尼玛", "village": "%s",
				 "description": "冰雹毁了青稞，家中断粮", "causes": ["OTHER"]}"""
			.formatted(java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000), idNumber, OTHER_VILLAGE));
		String person = clerk.get("/api/v1/cases/" + caseNumber)
			.body()
			.replaceAll("(?s).*\"personId\":\"([0-9a-f-]{36})\".*", "$1");
		Page withdrawn = clerk.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"WITHDRAWN\", \"note\": \"申请人外出务工，撤回申请\"}");
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(jdbc.sql("select kind from monitoring_signal where person_id = :person")
			.param("person", UUID.fromString(person))
			.query(String.class)
			.list()).containsExactly("CASE_CLOSED_WITHOUT_AID");
		assertThat(jdbc.sql("select count(*) from monitoring_warning where person_id = :person")
			.param("person", UUID.fromString(person))
			.query(Long.class)
			.single()).as("asking and getting nothing is not a warning alone").isZero();

		Partner emergency = partner(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, "DISASTER_DAMAGE");
		assertThat(emergency.json("POST", "/api/v1/monitoring-signals",
				signal("DISASTER_DAMAGE", idNumber, LocalDate.now(WorkingDayCalendar.COUNTY), "1200")).status())
			.isEqualTo(201);

		Map<String, Object> warning = warningOf(person, "REPEATED_HARDSHIP");
		assertThat(warning).containsEntry("severity", "ORANGE");
		assertThat((String) warning.get("reason")).isEqualTo("6 个月内有 2 种困难信号：求助未获救助、灾害损失");
		Page sent = emergency.json("POST", "/api/v1/monitoring-signals",
				signal("CASE_CLOSED_WITHOUT_AID", idNumber, LocalDate.now(WorkingDayCalendar.COUNTY), null));
		assertThat(sent.status()).as("what the platform alone knows, no department sends").isEqualTo(400);
		assertThat(sent.body()).contains("monitoring.kind-unknown");
	}

	@Test
	void aWarningNobodyChecksIsOverdueAndEscalatesWithTheClock() {
		String idNumber = TestIdNumbers.fresh();
		String person = register("才让", idNumber, OTHER_VILLAGE);
		Partner emergency = partner(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, "DISASTER_DAMAGE");
		assertThat(emergency.json("POST", "/api/v1/monitoring-signals",
				signal("DISASTER_DAMAGE", idNumber, LocalDate.now(), "18000")).status()).isEqualTo(201);
		Map<String, Object> warning = warningOf(person, "DISASTER_DAMAGE");
		assertThat(warning).containsEntry("severity", "ORANGE");
		assertThat((String) warning.get("owner")).as("a village without a reporter: the township's staff")
			.isIn(staffAt(TOWNSHIP.value(), "WINDOW_CLERK", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER"));
		String number = (String) warning.get("number");

		clock.advance(Duration.ofDays(12));
		Sweeps.sweep(context);
		Sweeps.sweep(context);

		int stage = jdbc.sql("select stage from supervision_step where kind = 'WARNING_CHECK' and subject_ref = :n")
			.param("n", number)
			.query(Integer.class)
			.single();
		assertThat(stage).as("overdue, then to the county's supervisors").isGreaterThanOrEqualTo(3);
	}

	@Test
	void departmentsSendOnlyTheKindsTheirAgreementNamesAndBadSignalsStoreNothing() {
		String idNumber = TestIdNumbers.fresh();
		register("卓玛", idNumber, VILLAGE);
		var staff = StaffFixtures.from(context);
		String unit = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		Partner school = PartnerFixtures.register(port, admin, "教育局学籍系统", unit, "signals:write");
		long before = signals();

		CaseFixtures.assertProblem(school.json("POST", "/api/v1/monitoring-signals",
				signal("SCHOOL_DROPOUT", idNumber, LocalDate.now(), null)), 403, "monitoring.no-agreement");
		assertThat(admin.json("PUT", "/api/v1/monitoring-sources/" + unit,
				"{\"kinds\": [\"SCHOOL_DROPOUT\"], \"agreement\": \"共民〔2026〕7号\"}").status()).isEqualTo(200);
		CaseFixtures.assertProblem(school.json("POST", "/api/v1/monitoring-signals",
				signal("DEATH", idNumber, LocalDate.now(), null)), 403, "monitoring.kind-not-agreed");
		CaseFixtures.assertProblem(school.json("POST", "/api/v1/monitoring-signals",
				signal("FLOOD", idNumber, LocalDate.now(), null)), 400, "monitoring.kind-unknown");
		CaseFixtures.assertProblem(school.json("POST", "/api/v1/monitoring-signals",
				signal("SCHOOL_DROPOUT", idNumber, LocalDate.now().plusDays(2), null)), 400,
				"monitoring.occurred-on-future");
		CaseFixtures.assertProblem(school.json("POST", "/api/v1/monitoring-signals",
				signal("SCHOOL_DROPOUT", idNumber.substring(0, 17) + (idNumber.endsWith("X") ? "0" : "X"), LocalDate.now(), null)), 400,
				"shared.id-number-check-digit");
		CaseFixtures.assertProblem(school.json("POST", "/api/v1/monitoring-signals",
				"{\"kind\": \"SCHOOL_DROPOUT\", \"idNumber\": \"" + idNumber + "\", \"occurredOn\": \""
						+ LocalDate.now() + "\"}"), 400, "monitoring.reference-required");
		assertThat(signals()).as("refused signals store nothing").isEqualTo(before);

		String body = signal("SCHOOL_DROPOUT", idNumber, LocalDate.now(), null);
		Page first = school.json("POST", "/api/v1/monitoring-signals", body);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.body()).contains("\"matched\":true").contains("\"repeated\":false").doesNotContain(idNumber);
		Page repeated = school.json("POST", "/api/v1/monitoring-signals", body);
		assertThat(repeated.status()).isEqualTo(200);
		assertThat(repeated.body()).contains("\"repeated\":true");
		String reference = body.replaceAll(".*\"reference\": \"([^\"]+)\".*", "$1");
		CaseFixtures.assertProblem(school.json("POST", "/api/v1/monitoring-signals",
				body.replace(LocalDate.now().toString(), LocalDate.now().minusDays(3).toString())), 409,
				"monitoring.reference-reused");
		assertThat(signals()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select id_number_sealed from monitoring_signal where reference = :r")
			.param("r", reference)
			.query(String.class)
			.single()).as("sealed on arrival").startsWith("v").doesNotContain(idNumber);

		Partner withoutScope = PartnerFixtures.register(port, admin, "教育局其他系统", unit, "help-requests:write");
		assertThat(withoutScope.json("POST", "/api/v1/monitoring-signals", signal("SCHOOL_DROPOUT", idNumber,
				LocalDate.now(), null)).status()).isEqualTo(403);
	}

	@Test
	void aSignalAboutSomeoneNotRegisteredWaitsAndIsJudgedWhenTheyAreRegistered() {
		String idNumber = TestIdNumbers.fresh();
		Partner emergency = partner(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, "DISASTER_DAMAGE");
		Page sent = emergency.json("POST", "/api/v1/monitoring-signals",
				signal("DISASTER_DAMAGE", idNumber, LocalDate.now().minusDays(1), "12000"));
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		assertThat(sent.body()).contains("\"matched\":false");

		String person = register("索南", idNumber, VILLAGE);

		Map<String, Object> warning = warningOf(person, "DISASTER_DAMAGE");
		assertThat((String) warning.get("reason")).contains("损失 12,000 元");
	}

	@Test
	void aFileOfSignalsIsTakenWholeOrNotAtAllWithEveryBadRowListed() {
		String registered = TestIdNumbers.fresh();
		String person = register("贡保", registered, VILLAGE);
		String unknown = TestIdNumbers.fresh();
		Partner emergency = partner(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, "DISASTER_DAMAGE", "DEATH");
		String batch = "ZQ-" + UUID.randomUUID().toString().substring(0, 6);
		String today = LocalDate.now().toString();
		String header = "\uFEFF编号,信号类型,身份证号码,发生日期,金额,本年累计,救助类别,说明\r\n";
		String good = batch + "-1,灾害损失," + registered + "," + today + ",\"16,000.00\",,,房屋倒塌\r\n"
				+ batch + "-2,DISASTER_DAMAGE," + unknown + "," + today.replace("-", "/") + ",7000,,,\r\n";
		String bad = good + batch + "-3,洪水," + registered + "," + today + ",100,,,\r\n"
				+ batch + "-4,辍学," + registered + "," + today + ",,,,\r\n"
				+ batch + "-5,灾害损失," + registered + ",2026-02-31,100,,,\r\n"
				+ batch + "-1,死亡," + registered + "," + today + ",,,,\r\n";
		long before = signals();

		Page refused = emergency.upload("/api/v1/monitoring-signals/files", "灾情.csv", bytes(header + bad));
		CaseFixtures.assertProblem(refused, 422, "monitoring.file-rejected");
		assertThat(refused.body()).contains("\"line\":4").contains("monitoring.kind-unknown").contains("\"line\":5")
			.contains("monitoring.kind-not-agreed").contains("\"line\":6").contains("monitoring.occurred-on-invalid")
			.contains("\"line\":7").contains("monitoring.reference-repeated").doesNotContain("\"line\":2")
			.doesNotContain(registered);
		assertThat(signals()).as("nothing of a refused file").isEqualTo(before);

		Page received = emergency.upload("/api/v1/monitoring-signals/files", "灾情.csv", bytes(header + good));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(received.body()).contains("\"received\":2").contains("\"repeated\":0").contains("\"unmatched\":1");
		assertThat(warningOf(person, "DISASTER_DAMAGE").get("reason")).asString().contains("损失 16,000 元");
		Page twice = emergency.upload("/api/v1/monitoring-signals/files", "灾情.csv", bytes(header + good));
		assertThat(twice.body()).contains("\"received\":0").contains("\"repeated\":2");
		assertThat(signals()).isEqualTo(before + 2);
		CaseFixtures.assertProblem(emergency.upload("/api/v1/monitoring-signals/files", "notes.txt", bytes(good)), 400,
				"monitoring.file-type");
		CaseFixtures.assertProblem(emergency.upload("/api/v1/monitoring-signals/files", "cols.csv",
				bytes("编号,金额\r\nX,1\r\n")), 400, "monitoring.file-columns");
	}

	@Test
	void aLargeFileWarnsEachHouseholdOnceWithItsStepAndAuditRecordAndTheChainStillHolds() {
		String first = TestIdNumbers.fresh();
		String second = TestIdNumbers.fresh();
		String firstPerson = register("索南", first, VILLAGE);
		String secondPerson = register("德吉", second, OTHER_VILLAGE);
		Partner emergency = partner(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, "DISASTER_DAMAGE");
		String batch = "DQ-" + UUID.randomUUID().toString().substring(0, 6);
		String today = LocalDate.now().toString();
		StringBuilder file = new StringBuilder("编号,信号类型,身份证号码,发生日期,金额\r\n");
		file.append(batch).append("-a,灾害损失,").append(first).append(',').append(today).append(",9000\r\n");
		file.append(batch).append("-b,灾害损失,").append(second).append(',').append(today).append(",12000\r\n");
		file.append(batch).append("-c,灾害损失,").append(first).append(',').append(today).append(",15000\r\n");
		for (int i = 0; i < 1_100; i++) {
			file.append(batch).append('-').append(i).append(",灾害损失,").append(TestIdNumbers.fresh()).append(',')
				.append(today).append(",300\r\n");
		}

		Page received = emergency.upload("/api/v1/monitoring-signals/files", "灾情汇总.csv", bytes(file.toString()));

		assertThat(received.status()).as(received.body()).isEqualTo(200);
		assertThat(received.body()).contains("\"received\":1103").contains("\"unmatched\":1100");
		Map<String, Object> firstWarning = warningOf(firstPerson, "DISASTER_DAMAGE");
		Map<String, Object> secondWarning = warningOf(secondPerson, "DISASTER_DAMAGE");
		assertThat(firstWarning.get("reason")).as("the newest hit's reason").asString().contains("损失 15,000 元");
		assertThat(jdbc.sql("select count(*) from monitoring_warning_signal where warning_id = :id")
			.param("id", firstWarning.get("id"))
			.query(Long.class)
			.single()).as("the second hit joins the household's warning").isEqualTo(2);
		for (Map<String, Object> warning : List.of(firstWarning, secondWarning)) {
			assertThat(jdbc.sql("""
					select count(*) from supervision_step where kind = 'WARNING_CHECK' and subject_ref = :number
					   and status = 'OPEN'""")
				.param("number", warning.get("number"))
				.query(Long.class)
				.single()).isEqualTo(1);
			assertThat(jdbc.sql("""
					select count(*) from audit_record where action = 'monitoring.warning-raised'
					   and subject_id = :number""")
				.param("number", warning.get("number"))
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		assertThat(context.getBean(ChainVerification.class).verify().intact()).as("records appended together chain")
			.isTrue();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	@Test
	void signalsPastTheRetentionPeriodArePurgedWhileTheirWarningsStay() {
		String idNumber = TestIdNumbers.fresh();
		String person = register("尼玛", idNumber, VILLAGE);
		Partner emergency = partner(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, "DISASTER_DAMAGE");
		assertThat(emergency.json("POST", "/api/v1/monitoring-signals",
				signal("DISASTER_DAMAGE", idNumber, LocalDate.now(), "15000")).status()).isEqualTo(201);
		Map<String, Object> warning = warningOf(person, "DISASTER_DAMAGE");
		// A signal of 37 months ago, as a longer retention kept it before the county shortened it to 36 months.
		UUID old = UUID.randomUUID();
		jdbc.sql("""
				insert into monitoring_signal (id, source, reference, kind, occurred_on, received_at, person_id,
				       household_key, residence_path, amount)
				select :old, source, 'OLD-' || reference, kind, (current_date - interval '37 months')::date, received_at,
				       person_id, household_key, residence_path, amount
				  from monitoring_signal where person_id = :person""")
			.param("old", old)
			.param("person", UUID.fromString(person))
			.update();
		jdbc.sql("insert into monitoring_warning_signal (warning_id, signal_id) values (:warning, :old)")
			.param("warning", warning.get("id"))
			.param("old", old)
			.update();

		assertThat(context.getBean(SignalPurge.class).purge()).isPositive();

		assertThat(jdbc.sql("select count(*) from monitoring_signal where person_id = :person")
			.param("person", UUID.fromString(person))
			.query(Long.class)
			.single()).as("today's signal stays, the old one is gone").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from monitoring_warning_signal where warning_id = :warning")
			.param("warning", warning.get("id"))
			.query(Long.class)
			.single()).as("the warning stays with its remaining signal").isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'monitoring.signals-purged'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void tryingARuleOnPastSignalsCountsWhatTheRuleThenDoes() {
		Partner emergency = partner(UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT, "DISASTER_DAMAGE");
		for (String damage : new String[] { "3000", "8000", "20000" }) {
			String idNumber = TestIdNumbers.fresh();
			register("扎西" + damage, idNumber, VILLAGE);
			assertThat(emergency.json("POST", "/api/v1/monitoring-signals",
					signal("DISASTER_DAMAGE", idNumber, LocalDate.now(), damage)).status()).isEqualTo(201);
		}
		assertThat(dryRun("5000")).as("the rule in force, tried on what it judged")
			.isEqualTo(warningsWithDamageOf(5000));
		long stricter = dryRun("10000");
		assertThat(stricter).isEqualTo(warningsWithDamageOf(10000)).isLessThan(dryRun("5000"));

		try {
			assertThat(admin.json("PUT", "/api/v1/monitoring-rules/DISASTER_DAMAGE",
					"{\"severity\": \"ORANGE\", \"threshold\": 10000}").status()).isEqualTo(200);
			long before = warnings("DISASTER_DAMAGE");
			for (String damage : new String[] { "8000", "12000" }) {
				String idNumber = TestIdNumbers.fresh();
				register("拉姆" + damage, idNumber, VILLAGE);
				emergency.json("POST", "/api/v1/monitoring-signals",
						signal("DISASTER_DAMAGE", idNumber, LocalDate.now(), damage));
			}
			assertThat(warnings("DISASTER_DAMAGE")).as("only the 12,000 yuan damage under the new threshold")
				.isEqualTo(before + 1);
			assertThat(dryRun("10000")).isEqualTo(stricter + 1).isEqualTo(warningsWithDamageOf(10000));
		}
		finally {
			admin.json("PUT", "/api/v1/monitoring-rules/DISASTER_DAMAGE", "{\"severity\": \"ORANGE\", \"threshold\": 5000}");
		}
		CaseFixtures.assertProblem(admin.json("POST", "/api/v1/monitoring-rules/DISASTER_DAMAGE/dry-runs",
				"{\"severity\": \"ORANGE\", \"threshold\": -1}"), 400, "monitoring.rule-threshold-invalid");
		CaseFixtures.assertProblem(clerk.json("POST", "/api/v1/monitoring-rules/DISASTER_DAMAGE/dry-runs",
				"{\"severity\": \"ORANGE\", \"threshold\": 1}"), 403, "monitoring.rules-not-allowed");
	}

	private long dryRun(String threshold) {
		Page run = admin.json("POST", "/api/v1/monitoring-rules/DISASTER_DAMAGE/dry-runs",
				"{\"severity\": \"ORANGE\", \"threshold\": " + threshold + "}");
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		return Long.parseLong(run.body().replaceAll(".*\"warnings\":(\\d+).*", "$1"));
	}

	/**
	 * @return the county's households with a disaster signal at or above the damage this year: what a rule with that
	 *     threshold warns, counted from the signals themselves
	 */
	private long warningsWithDamageOf(int damage) {
		return jdbc.sql("""
				select count(distinct (household_key, extract(year from occurred_on))) from monitoring_signal
				 where kind = 'DISASTER_DAMAGE' and person_id is not null and amount >= :damage
				   and residence_path like '/630000/632500/632521/%' and occurred_on >= current_date - interval '12 months'""")
			.param("damage", damage)
			.query(Long.class)
			.single();
	}

	private long warnings(String rule) {
		return jdbc.sql("select count(*) from monitoring_warning where rule_code = :rule")
			.param("rule", rule)
			.query(Long.class)
			.single();
	}

	private long auditCount(String action, String subject) {
		return jdbc.sql("select count(*) from audit_record where action = :action and subject_id = :subject")
			.param("action", action)
			.param("subject", subject)
			.query(Long.class)
			.single();
	}

	private long signals() {
		return jdbc.sql("select count(*) from monitoring_signal").query(Long.class).single();
	}

	private Partner partner(UnitKind kind, String... kinds) {
		String unit = StaffFixtures.from(context)
			.active(StaffFixtures.COUNTY, kind, Role.DEPARTMENT_OFFICER)
			.unitId()
			.value()
			.toString();
		Page agreed = admin.json("PUT", "/api/v1/monitoring-sources/" + unit,
				"{\"kinds\": [\"" + String.join("\", \"", kinds) + "\"], \"agreement\": \"共民〔2026〕9号\"}");
		assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
		return PartnerFixtures.register(port, admin, "部门系统" + UUID.randomUUID().toString().substring(0, 6), unit,
				"signals:write");
	}

	static String signal(String kind, String idNumber, LocalDate on, String amount) {
		return """
				{"kind": "%s", "reference": "%s", "idNumber": "%s", "occurredOn": "%s"%s}"""
			.formatted(kind, "REF-" + UUID.randomUUID(), idNumber, on,
					amount == null ? "" : ", \"amount\": " + amount);
	}

	private String register(String name, String idNumber, String village) {
		Page registered = clerk.json("POST", "/api/v1/persons",
				"{\"name\": \"%s\", \"idNumber\": \"%s\", \"residence\": \"%s\"}".formatted(name, idNumber, village));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return CaseFixtures.idOf(registered);
	}

	private Map<String, Object> warningOf(String person, String rule) {
		return jdbc.sql("select * from monitoring_warning where person_id = :person and rule_code = :rule")
			.param("person", UUID.fromString(person))
			.param("rule", rule)
			.query()
			.singleRow();
	}

	private java.util.List<String> reportersOf(String village) {
		return staffAt(village, "VILLAGE_REPORTER");
	}

	private java.util.List<String> staffAt(String division, String... roles) {
		return jdbc.sql("""
				select a.username from identity_account a join identity_unit u on u.id = a.unit_id
				  join identity_account_role r on r.account_id = a.id
				 where u.division_code = :division and r.role in (:roles)""")
			.param("division", division)
			.param("roles", java.util.List.of(roles))
			.query(String.class)
			.list();
	}

	static String bill(String idNumber, String name, String inPolicy, String outOfPolicy, String total) {
		return """
				{"idNumber": "%s", "patientName": "%s", "hospitalCode": "H632521001", "hospitalName": "共和县人民医院",
				 "hospitalLevel": "SECONDARY", "admissionNumber": "ZY-%s", "admittedOn": "%s", "dischargedOn": "%s",
				 "inPolicy": %s, "outOfPolicy": %s, "total": %s}"""
			.formatted(idNumber, name, UUID.randomUUID().toString().substring(0, 8), LocalDate.now().minusDays(10),
					LocalDate.now().minusDays(1), inPolicy, outOfPolicy, total);
	}

}
