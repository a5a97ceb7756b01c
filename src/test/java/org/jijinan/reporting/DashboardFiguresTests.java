package org.jijinan.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseOpened;
import org.jijinan.casework.TaskCompleted;
import org.jijinan.casework.TaskKind;
import org.jijinan.casework.TaskReferred;
import org.jijinan.casework.TaskReturned;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.Channel;
import org.jijinan.intake.HelpRequestReceived;
import org.jijinan.intake.Urgency;
import org.jijinan.relief.AssistanceRecorded;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * The dashboard's figures against a fixture computed by hand: nine requests in February 2024 in two townships, eight
 * cases, seven aided at known times, arriving in awkward orders and one twice; one request and its case recorded
 * before urgencies were (as migration V1_170 leaves them). Times to aid are read by nearest rank over buckets of
 * minutes (see {@link TimeToAid}). A request counts under its own urgency, a case under the one it was opened with.
 *
 * <pre>
 * case  township  channel       cause                    urgency (request/case)  first aid after  bucket (≤ min)
 * C1    104       WINDOW        FIRE                     EMERGENCY               30 min           30
 * C2    104       HOTLINE       TRAFFIC_ACCIDENT         URGENT                  10 h             720 (12 h)
 * C3    104       WINDOW        SUDDEN_SERIOUS_ILLNESS   NORMAL / URGENT         50 h             4320 (3 days)
 * C4    105       FIELD_REPORT  FIRE                     URGENT                  3 h              240 (4 h)
 * C6    104       HOTLINE       FIRE (+MEDICAL_SPENDING) NORMAL                  —
 * R5    105       ONLINE        MEDICAL_SPENDING         NORMAL (request only)
 * C7    105       HOTLINE       FIRE                     EMERGENCY               3 min            5
 * C8    104       WINDOW        TRAFFIC_ACCIDENT         EMERGENCY               20 min           30
 * C9    104       WINDOW        FIRE                     not recorded            6 h              480 (8 h)
 * all aided, sorted: 5, 30, 30, 240, 480, 720, 4320 → median = ceil(3.5) = 4th = 240; 90th = ceil(6.3) = 7th = 4320
 * township 104: 30, 30, 480, 720, 4320 → median 3rd = 480; 90th ceil(4.5) = 5th = 4320
 * township 105: 5, 240 → median 1st = 5; 90th ceil(1.8) = 2nd = 240
 * WINDOW: 30, 30, 480, 4320 → 2nd = 30; 4th = 4320       HOTLINE: 5, 720 → 5; 720 (C6 not aided)
 * FIRE: 5, 30, 240, 480 → 2nd = 30; 4th = 480             TRAFFIC_ACCIDENT: 30, 720 → 30; 720
 * EMERGENCY: requests R1 R7 R8, cases C1 C7 C8: 5, 30, 30 → 2nd = 30; 3rd = 30
 * URGENT: requests R2 R4, cases C2 C3 C4: 240, 720, 4320 → 720; 4320
 * NORMAL: requests R3 R5 R6, case C6, none aided          not recorded: R9, C9: 480; 480
 * </pre>
 */
@SystemTest
class DashboardFiguresTests {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DivisionCode A = new DivisionCode("632521104");

	private static final DivisionCode B = new DivisionCode("632521105");

	private static final AtomicInteger RUN = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ReportingListeners listeners;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	RollupRebuild rebuild;

	@Test
	void showsTheHandComputedFiguresOfTheFixture() throws Exception {
		String run = "F" + UUID.randomUUID().toString().substring(0, 6) + RUN.incrementAndGet();
		UUID education = UUID.randomUUID();
		// R9 and C9 were recorded before urgencies were
		recordedBeforeUrgencies(run + "R9", run + "C9", A, at(18, 9, 0), at(18, 15, 0));
		// C3's aid arrives before its case is known; C4's case before its request; R1 arrives twice
		aid(run + "C3", "MEDICAL", "5000", at(5, 9, 0).plus(Duration.ofHours(50)), A);
		request(run + "R1", A, Channel.WINDOW, Urgency.EMERGENCY, Set.of("FIRE"), at(1, 8, 0));
		request(run + "R1", A, Channel.WINDOW, Urgency.EMERGENCY, Set.of("FIRE"), at(1, 8, 0));
		request(run + "R2", A, Channel.HOTLINE, Urgency.URGENT, Set.of("TRAFFIC_ACCIDENT"), at(3, 10, 0));
		request(run + "R3", A, Channel.WINDOW, Urgency.NORMAL, Set.of("SUDDEN_SERIOUS_ILLNESS"), at(5, 9, 0));
		opened(run + "C4", run + "R4", B, Urgency.URGENT, at(10, 12, 0));
		request(run + "R4", B, Channel.FIELD_REPORT, Urgency.URGENT, Set.of("FIRE"), at(10, 12, 0));
		request(run + "R5", B, Channel.ONLINE, Urgency.NORMAL, Set.of("MEDICAL_SPENDING"), at(12, 12, 0));
		request(run + "R6", A, Channel.HOTLINE, Urgency.NORMAL, Set.of("MEDICAL_SPENDING", "FIRE"), at(20, 9, 0));
		request(run + "R7", B, Channel.HOTLINE, Urgency.EMERGENCY, Set.of("FIRE"), at(15, 10, 0));
		request(run + "R8", A, Channel.WINDOW, Urgency.EMERGENCY, Set.of("TRAFFIC_ACCIDENT"), at(16, 14, 0));
		opened(run + "C1", run + "R1", A, Urgency.EMERGENCY, at(1, 8, 0));
		opened(run + "C2", run + "R2", A, Urgency.URGENT, at(3, 10, 0));
		// re-rated when the case was opened: the case counts as URGENT, its request as NORMAL
		opened(run + "C3", run + "R3", A, Urgency.URGENT, at(5, 9, 0));
		opened(run + "C6", run + "R6", A, Urgency.NORMAL, at(20, 9, 0));
		opened(run + "C7", run + "R7", B, Urgency.EMERGENCY, at(15, 10, 0));
		opened(run + "C8", run + "R8", A, Urgency.EMERGENCY, at(16, 14, 0));
		aid(run + "C1", "EMERGENCY", "1000", at(1, 8, 30), A);
		aid(run + "C1", "TEMPORARY", "3000", at(4, 8, 0), A);
		aid(run + "C2", "TEMPORARY", "2000", at(3, 20, 0), A);
		aid(run + "C4", "CHARITY", "800", at(10, 15, 0), B);
		aid(run + "C7", "EMERGENCY", "500", at(15, 10, 3), B);
		aid(run + "C8", "EMERGENCY", "600", at(16, 14, 20), A);
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		handle(new TaskReferred(first, run + "C1", A, TaskKind.DEPARTMENT_ASSISTANCE, education, "教育局" + run, "t",
				at(2, 9, 0), at(3, 9, 0), at(9, 9, 0)));
		handle(new TaskReferred(second, run + "C2", A, TaskKind.DEPARTMENT_ASSISTANCE, education, "教育局" + run, "t",
				at(4, 9, 0), at(5, 9, 0), at(11, 9, 0)));
		handle(new TaskReturned(second, run + "C2", A, education, "教育局" + run, "t", at(4, 15, 0), "不属本部门", 1));
		handle(new TaskCompleted(first, run + "C1", A, education, "教育局" + run, "t", at(8, 9, 0), at(9, 9, 0), "已资助"));
		handle(new TaskCompleted(second, run + "C2", A, education, "教育局" + run, "t", at(14, 9, 0), at(11, 9, 0),
				"已资助"));
		handle(new TaskReferred(UUID.randomUUID(), run + "C3", A, TaskKind.VERIFY, UUID.randomUUID(),
				"=HYPERLINK(\"http://evil\")" + run, "t", at(6, 9, 0), at(7, 9, 0), at(9, 9, 0)));

		UUID passedOn = UUID.randomUUID();
		UUID health = UUID.randomUUID();
		UUID medicalSecurity = UUID.randomUUID();
		handle(new TaskReferred(passedOn, run + "C3", A, TaskKind.DEPARTMENT_ASSISTANCE, health, "卫健局" + run, "t",
				at(6, 10, 0), at(7, 10, 0), at(12, 10, 0)));
		handle(new TaskReturned(passedOn, run + "C3", A, health, "卫健局" + run, "t", at(6, 16, 0), "属医保报销", 1));
		for (int delivery = 0; delivery < 2; delivery++) {
			handle(new TaskReferred(passedOn, run + "C3", A, TaskKind.DEPARTMENT_ASSISTANCE, medicalSecurity,
					"医疗保障局" + run, "t", at(7, 9, 0), at(8, 9, 0), at(13, 9, 0)));
		}

		Visitor leader = StaffFixtures.signedIn(port,
				StaffFixtures.from(context).active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));
		Page answer = leader.get("/api/v1/dashboard?from=2024-02&to=2024-02");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode view = JsonMapper.builder().build().readTree(answer.body());

		assertLine(view.get("total"), 9, 8, 7, 240, 4320);
		assertThat(List.of(view.get("total").get("medianText").asString(), view.get("total").get("p90Text").asString()))
			.containsExactly("4 小时以内", "3 天以内");
		assertThat(view.get("total").get("buckets").size()).isEqualTo(21);
		assertLine(keyed(view.get("byTownship"), A.value()), 6, 6, 5, 480, 4320);
		assertLine(keyed(view.get("byTownship"), B.value()), 3, 2, 2, 5, 240);
		assertThat(keyed(view.get("byTownship"), B.value()).get("medianText").asString()).isEqualTo("5 分钟以内");
		assertLine(keyed(view.get("byChannel"), "WINDOW"), 4, 4, 4, 30, 4320);
		assertLine(keyed(view.get("byChannel"), "HOTLINE"), 3, 3, 2, 5, 720);
		assertLine(keyed(view.get("byChannel"), "FIELD_REPORT"), 1, 1, 1, 240, 240);
		assertThat(keyed(view.get("byChannel"), "ONLINE").get("noneAided").asBoolean()).isTrue();
		assertLine(keyed(view.get("byCause"), "FIRE"), 5, 5, 4, 30, 480);
		assertLine(keyed(view.get("byCause"), "TRAFFIC_ACCIDENT"), 2, 2, 2, 30, 720);
		assertLine(keyed(view.get("byCause"), "SUDDEN_SERIOUS_ILLNESS"), 1, 1, 1, 4320, 4320);
		assertLine(keyed(view.get("byMonth"), "2024-02"), 9, 8, 7, 240, 4320);
		List<String> urgencyOrder = new java.util.ArrayList<>();
		view.get("byUrgency").forEach(line -> urgencyOrder.add(line.get("key").asString()));
		assertThat(urgencyOrder)
			.as("most urgent first, those recorded before urgencies last")
			.containsExactly("EMERGENCY", "URGENT", "NORMAL", "NOT_RECORDED");
		assertLine(keyed(view.get("byUrgency"), "EMERGENCY"), 3, 3, 3, 30, 30);
		assertLine(keyed(view.get("byUrgency"), "URGENT"), 2, 3, 3, 720, 4320);
		assertLine(keyed(view.get("byUrgency"), "NORMAL"), 3, 1, 0, -1, -1);
		assertLine(keyed(view.get("byUrgency"), "NOT_RECORDED"), 1, 1, 1, 480, 480);
		assertThat(keyed(view.get("byUrgency"), "NOT_RECORDED").get("label").asString()).isEqualTo("未记录");
		assertThat(keyed(view.get("byUrgency"), "EMERGENCY").get("medianText").asString()).isEqualTo("30 分钟以内");
		assertThat(amount(view, "TEMPORARY")).isEqualTo("2:5000.00");
		assertThat(amount(view, "EMERGENCY")).isEqualTo("3:2100.00");
		assertThat(amount(view, "MEDICAL")).isEqualTo("1:5000.00");
		assertThat(amount(view, "CHARITY")).isEqualTo("1:800.00");
		JsonNode unit = null;
		for (JsonNode line : view.get("units")) {
			if (line.get("unit").asString().equals("教育局" + run)) {
				unit = line;
			}
		}
		assertThat(unit).isNotNull();
		assertThat(List.of(unit.get("referred").asLong(), unit.get("completed").asLong(), unit.get("onTime").asLong(),
				unit.get("returns").asLong(), unit.get("onTimePercent").asLong())).containsExactly(2L, 2L, 1L, 1L, 50L);
		assertThat(unitCounts(view, "卫健局" + run)).as("referred, then returned").containsExactly(1L, 1L);
		assertThat(unitCounts(view, "医疗保障局" + run)).as("the re-referral counts for the second unit, once")
			.containsExactly(1L, 0L);

		byte[] workbook = leader.sendBytes(java.net.http.HttpRequest.newBuilder(
				leader.uri("/reports/export.xlsx?from=2024-02&to=2024-02")));
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(workbook))) {
			var cells = new java.util.ArrayList<String>();
			book.getSheet("各单位转办办理情况").forEach(row -> cells.add(row.getCell(0).getStringCellValue()));
			assertThat(cells).as("no cell a spreadsheet would read as a formula (S11)")
				.contains("'=HYPERLINK(\"http://evil\")" + run)
				.noneMatch(cell -> cell.startsWith("="));
			assertThat(book.getSheet("按乡镇").getRow(0).getCell(0).getStringCellValue())
				.as("a title naming the region, the table and the period").isEqualTo("共和县按乡镇（2024-02 至 2024-02）");
			assertThat(book.getSheet("按乡镇").getColumnWidth(0)).as("a first column wide enough for names")
				.isGreaterThanOrEqualTo(20 * 256);
			assertThat(book.getSheet("按乡镇").getRow(2).getCell(3).getNumericCellValue()).isEqualTo(7);
			assertThat(book.getSheet("按乡镇").getRow(2).getCell(4).getStringCellValue()).isEqualTo("4 小时以内");
			assertThat(book.getSheet("按乡镇").getRow(2).getCell(6).getNumericCellValue()).isEqualTo(240);
			var urgencies = book.getSheet("按紧急程度");
			assertThat(List.of(urgencies.getRow(1).getCell(0).getStringCellValue(),
					urgencies.getRow(2).getCell(0).getStringCellValue(), urgencies.getRow(5).getCell(0).getStringCellValue()))
				.containsExactly("紧急程度", "紧急", "未记录");
			assertThat(urgencies.getRow(3).getCell(5).getStringCellValue()).as("URGENT's 90th percentile")
				.isEqualTo("3 天以内");
			var unitSheet = book.getSheet("各单位转办办理情况");
			var rates = new java.util.ArrayList<String>();
			unitSheet.forEach(row -> {
				if (row.getRowNum() >= 2 && row.getCell(4) != null) {
					rates.add(row.getCell(4).getCellStyle().getDataFormatString());
				}
			});
			assertThat(rates).as("rates shown as percentages").isNotEmpty().allMatch("0%"::equals);
		}
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'reporting.exported' and subject_id = :id")
			.param("id", "632521/2024-02/2024-02")
			.query(Integer.class)
			.single()).as("the export is audited (S8)").isPositive();

		Page township = leader.get("/api/v1/dashboard?from=2024-02&to=2024-02&region=" + B.value());
		assertLine(JsonMapper.builder().build().readTree(township.body()).get("total"), 3, 2, 2, 5, 240);
		Page earlier = leader.get("/api/v1/dashboard?from=2024-01&to=2024-01");
		assertLine(JsonMapper.builder().build().readTree(earlier.body()).get("total"), 0, 0, 0, -1, -1);

		Visitor english = StaffFixtures.signedIn(port,
				StaffFixtures.from(context).active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));
		String page = english.get("/reports?from=2024-02&to=2024-02&lang=en").body();
		assertThat(page).contains("within 4 h", "within 3 days", "within 5 min", "not recorded");

		rebuildsTheSameFiguresFromTheFacts(view, JsonMapper.builder().build().readTree(township.body()));
	}

	/**
	 * Spoils every roll-up of the fixture's month, then rebuilds them from the facts: the dashboard is again exactly
	 * what the events made it, and rebuilding again changes nothing. Only a county administrator may rebuild.
	 */
	private void rebuildsTheSameFiguresFromTheFacts(JsonNode county, JsonNode township) {
		var staff = StaffFixtures.from(context);
		Visitor leader = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER));
		Visitor townshipAdministrator = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.ADMINISTRATOR));
		StaffFixtures.Opened administratorAccount = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS,
				Role.ADMINISTRATOR);
		Visitor administrator = StaffFixtures.signedIn(port, administratorAccount);
		String countyPath = "/api/v1/dashboard?from=2024-02&to=2024-02";
		String townshipPath = countyPath + "&region=" + B.value();
		assertThat(read(administrator.get(countyPath))).as("an administrator sees the leader's figures").isEqualTo(county);

		spoilTheRollups();
		assertThat(read(administrator.get(countyPath))).as("spoilt").isNotEqualTo(county);
		assertProblem(leader.json("POST", "/api/v1/dashboard/rebuild", ""), 403, "reporting.rebuild-not-allowed");
		assertProblem(townshipAdministrator.json("POST", "/api/v1/dashboard/rebuild", ""), 403,
				"reporting.rebuild-not-allowed");
		assertThat(read(administrator.get(countyPath))).as("refused rebuilds change nothing").isNotEqualTo(county);

		Page rebuilt = administrator.json("POST", "/api/v1/dashboard/rebuild", "{\"ignored\": ");
		assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
		assertThat(read(rebuilt).get("version").asInt()).isEqualTo(RollupRebuild.VERSION);
		assertThat(read(administrator.get(countyPath))).isEqualTo(county);
		assertThat(read(administrator.get(townshipPath))).isEqualTo(township);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'reporting.rebuilt' and actor = :by")
			.param("by", administratorAccount.username())
			.query(Integer.class)
			.single()).as("the rebuild is audited").isEqualTo(1);

		List<String> before = rollupsOfTheMonth();
		assertThat(administrator.json("POST", "/api/v1/dashboard/rebuild", "").status()).isEqualTo(200);
		assertThat(rollupsOfTheMonth()).as("rebuilding twice changes nothing").isEqualTo(before);
		assertThat(read(administrator.get(countyPath))).isEqualTo(county);

		// an installation whose roll-ups are of the old layout is rebuilt once at start-up
		spoilTheRollups();
		jdbc.sql("update reporting_rollup_version set version = 1").update();
		assertThat(rebuild.upgradeIfOutdated()).as("rebuilt").isTrue();
		assertThat(rebuild.upgradeIfOutdated()).as("already of the code's layout").isFalse();
		assertThat(read(administrator.get(countyPath))).isEqualTo(county);
		assertThat(rollupsOfTheMonth()).isEqualTo(before);
	}

	private void spoilTheRollups() {
		jdbc.sql("update reporting_cases set b00 = b00 + 5, requests = requests + 3 where month = '2024-02-01'").update();
		jdbc.sql("delete from reporting_cases where month = '2024-02-01' and township = :b").param("b", B.value()).update();
		jdbc.sql("update reporting_units set referred = referred + 2, unit_name = 'x' where month = '2024-02-01'").update();
		jdbc.sql("update reporting_activity set amount = amount + 100 where month = '2024-02-01'").update();
		jdbc.sql("update reporting_case set aided_bucket = 19 where month = '2024-02-01' and aided_bucket is not null")
			.update();
	}

	/** @return every roll-up row of February 2024, as text */
	private List<String> rollupsOfTheMonth() {
		List<String> rows = new java.util.ArrayList<>();
		for (String table : List.of("reporting_cases", "reporting_units", "reporting_activity")) {
			rows.addAll(jdbc.sql("select '" + table + "' || (r.*)::text from " + table
					+ " r where month = '2024-02-01' order by 1")
				.query(String.class)
				.list());
		}
		rows.addAll(jdbc.sql("select case_number || ':' || coalesce(aided_bucket, -1) from reporting_case"
				+ " where month = '2024-02-01' order by 1").query(String.class).list());
		return rows;
	}

	private static JsonNode read(Page page) {
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(page.body());
	}

	@Test
	void refusesBadFiltersAndViewersOutsideTheirScope() {
		var staff = StaffFixtures.from(context);
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor department = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT, Role.DEPARTMENT_OFFICER));

		assertThat(township.get("/api/v1/dashboard").status()).isEqualTo(200);
		assertProblem(township.get("/api/v1/dashboard?region=632521"), 403, "reporting.region-outside-scope");
		assertProblem(township.get("/api/v1/dashboard?region=632521104"), 403, "reporting.region-outside-scope");
		assertProblem(township.get("/api/v1/dashboard?region=x'%20or%201=1"), 400, "reporting.region-invalid");
		assertProblem(township.get("/api/v1/dashboard?from=2026-13"), 400, "reporting.month-invalid");
		assertProblem(township.get("/api/v1/dashboard?from=2026-05&to=2026-01"), 400, "reporting.period-invalid");
		assertProblem(township.get("/api/v1/dashboard?from=2015-01&to=2026-01"), 400, "reporting.period-invalid");
		assertProblem(clerk.get("/api/v1/dashboard"), 403, "reporting.not-allowed");
		assertProblem(department.get("/api/v1/dashboard"), 403, "reporting.not-allowed");
		assertThat(clerk.get("/reports").status()).isEqualTo(403);

		// the rebuild takes nothing: whatever is sent, a refusal or a 4xx problem, never a 500
		assertProblem(clerk.json("POST", "/api/v1/dashboard/rebuild?all=%27", "{\"x\": "), 403,
				"reporting.rebuild-not-allowed");
		assertProblem(department.json("POST", "/api/v1/dashboard/rebuild", "[]"), 403, "reporting.rebuild-not-allowed");
		Page wrongMethod = township.get("/api/v1/dashboard/rebuild");
		assertThat(wrongMethod.status()).as(wrongMethod.body()).isBetween(400, 499);
		assertThat(wrongMethod.contentType()).contains("problem+json");
		Page withoutToken = township.send(java.net.http.HttpRequest.newBuilder(township.uri("/api/v1/dashboard/rebuild"))
			.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
		assertThat(withoutToken.status()).as("no CSRF token").isEqualTo(403);
		Page stranger = new Visitor(port).json("POST", "/api/v1/dashboard/rebuild", "");
		assertThat(stranger.status()).as(stranger.body()).isBetween(401, 403);
	}

	private static void assertLine(JsonNode line, long requests, long cases, long aided, int median, int p90) {
		assertThat(List.of(line.get("requests").asLong(), line.get("cases").asLong(), line.get("aided").asLong()))
			.as(line.toString())
			.containsExactly(requests, cases, aided);
		if (aided > 0) {
			assertThat(List.of(line.get("medianMinutes").asInt(), line.get("p90Minutes").asInt())).as(line.toString())
				.containsExactly(median, p90);
		}
		else {
			assertThat(line.get("noneAided").asBoolean()).isTrue();
		}
	}

	private static JsonNode keyed(JsonNode lines, String key) {
		for (JsonNode line : lines) {
			if (line.get("key").asString().equals(key)) {
				return line;
			}
		}
		throw new AssertionError("no line " + key + " in " + lines);
	}

	private static String amount(JsonNode view, String kind) {
		for (JsonNode line : view.get("amounts")) {
			if (line.get("kind").asString().equals(kind)) {
				return line.get("count").asLong() + ":" + new BigDecimal(line.get("amount").asString()).setScale(2);
			}
		}
		return "none";
	}

	private static Instant at(int day, int hour, int minute) {
		return LocalDateTime.of(2024, 2, day, hour, minute).atZone(CHINA).toInstant();
	}

	private void request(String number, DivisionCode township, Channel channel, Urgency urgency, Set<String> causes,
			Instant at) {
		handle(new HelpRequestReceived(number, channel, urgency, township, "t", at, at.plus(Duration.ofDays(1)),
				causes));
	}

	private void opened(String caseNumber, String requestNumber, DivisionCode township, Urgency urgency,
			Instant firstContact) {
		handle(new CaseOpened(caseNumber, UUID.randomUUID(), requestNumber, township, urgency, "t", firstContact,
				firstContact.plus(Duration.ofMinutes(5))));
	}

	/**
	 * A WINDOW request for FIRE and its case, aided, as the dashboards recorded them before they recorded urgencies
	 * and as migration V1_170 leaves them: no urgency, counted under NOT_RECORDED.
	 */
	private void recordedBeforeUrgencies(String requestNumber, String caseNumber, DivisionCode township,
			Instant firstContact, Instant firstAid) {
		int bucket = TimeToAid.bucket(Duration.between(firstContact, firstAid));
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					insert into reporting_request (number, township, channel, cause, received_at)
					values (:number, :township, 'WINDOW', 'FIRE', :at)""")
				.param("number", requestNumber)
				.param("township", township.value())
				.param("at", java.sql.Timestamp.from(firstContact))
				.update();
			jdbc.sql("""
					insert into reporting_case (case_number, request_number, township, first_contact_at, first_aid_at,
					                            month, channel, cause, counted, aided_bucket)
					values (:number, :request, :township, :contact, :aid, '2024-02-01', 'WINDOW', 'FIRE', true, :bucket)""")
				.param("number", caseNumber)
				.param("request", requestNumber)
				.param("township", township.value())
				.param("contact", java.sql.Timestamp.from(firstContact))
				.param("aid", java.sql.Timestamp.from(firstAid))
				.param("bucket", bucket)
				.update();
			jdbc.sql("""
					insert into reporting_cases (month, township, channel, cause, requests, cases, aided, %s)
					values ('2024-02-01', :township, 'WINDOW', 'FIRE', 1, 1, 1, 1)
					on conflict (month, township, channel, cause, urgency) do update
					   set requests = reporting_cases.requests + 1, cases = reporting_cases.cases + 1,
					       aided = reporting_cases.aided + 1, %1$s = reporting_cases.%1$s + 1"""
				.formatted(TimeToAid.column(bucket)))
				.param("township", township.value())
				.update();
		});
	}

	private void aid(String caseNumber, String scheme, String amount, Instant at, DivisionCode township) {
		handle(new AssistanceRecorded(UUID.randomUUID(), scheme, "FIRE", caseNumber,
				"/630000/632500/632521/" + township.value() + "/", new BigDecimal(amount), at, null, null));
	}

	/** Hands an event to the dashboards' listener as the event bus would: in a transaction of its own. */
	/** @return how many tasks a unit was referred and how many it returned */
	private static List<Long> unitCounts(JsonNode view, String unitName) {
		for (JsonNode line : view.get("units")) {
			if (line.get("unit").asString().equals(unitName)) {
				return List.of(line.get("referred").asLong(), line.get("returns").asLong());
			}
		}
		throw new AssertionError("no line for " + unitName);
	}

	private void handle(Object event) {
		transactions.executeWithoutResult(status -> {
			if (event instanceof HelpRequestReceived received) {
				listeners.on(received);
			}
			else if (event instanceof CaseOpened opened) {
				listeners.on(opened);
			}
			else if (event instanceof AssistanceRecorded recorded) {
				listeners.on(recorded);
			}
			else if (event instanceof TaskReferred referred) {
				listeners.on(referred);
			}
			else if (event instanceof TaskCompleted completed) {
				listeners.on(completed);
			}
			else if (event instanceof TaskReturned returned) {
				listeners.on(returned);
			}
			else {
				throw new IllegalArgumentException(event.toString());
			}
		});
	}

}
