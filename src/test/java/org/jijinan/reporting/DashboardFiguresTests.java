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
 * The dashboard's figures against a fixture computed by hand: six requests in February 2024 in two townships, five
 * cases, four aided at known times, arriving in awkward orders and one twice. Times to aid are read by nearest rank
 * over buckets (see {@link TimeToAid}).
 *
 * <pre>
 * case  township  channel       cause                    first aid after   bucket (≤ h)
 * C1    104       WINDOW        FIRE                     30 min            1
 * C2    104       HOTLINE       TRAFFIC_ACCIDENT         10 h              12
 * C3    104       WINDOW        SUDDEN_SERIOUS_ILLNESS   50 h              72
 * C4    105       FIELD_REPORT  FIRE                     3 h               4
 * C6    104       HOTLINE       FIRE (+MEDICAL_SPENDING) —
 * R5    105       ONLINE        MEDICAL_SPENDING         (request only)
 * all aided, sorted: 1, 4, 12, 72 → median = 2nd = 4 h; 90th = ceil(3.6) = 4th = 72 h
 * township 104: 1, 12, 72 → median 2nd = 12 h; 90th ceil(2.7) = 3rd = 72 h
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

	@Test
	void showsTheHandComputedFiguresOfTheFixture() throws Exception {
		String run = "F" + UUID.randomUUID().toString().substring(0, 6) + RUN.incrementAndGet();
		UUID education = UUID.randomUUID();
		// C3's aid arrives before its case is known; C4's case before its request; R1 arrives twice
		aid(run + "C3", "MEDICAL", "5000", at(5, 9, 0).plus(Duration.ofHours(50)), A);
		request(run + "R1", A, Channel.WINDOW, Set.of("FIRE"), at(1, 8, 0));
		request(run + "R1", A, Channel.WINDOW, Set.of("FIRE"), at(1, 8, 0));
		request(run + "R2", A, Channel.HOTLINE, Set.of("TRAFFIC_ACCIDENT"), at(3, 10, 0));
		request(run + "R3", A, Channel.WINDOW, Set.of("SUDDEN_SERIOUS_ILLNESS"), at(5, 9, 0));
		opened(run + "C4", run + "R4", B, at(10, 12, 0));
		request(run + "R4", B, Channel.FIELD_REPORT, Set.of("FIRE"), at(10, 12, 0));
		request(run + "R5", B, Channel.ONLINE, Set.of("MEDICAL_SPENDING"), at(12, 12, 0));
		request(run + "R6", A, Channel.HOTLINE, Set.of("MEDICAL_SPENDING", "FIRE"), at(20, 9, 0));
		opened(run + "C1", run + "R1", A, at(1, 8, 0));
		opened(run + "C2", run + "R2", A, at(3, 10, 0));
		opened(run + "C3", run + "R3", A, at(5, 9, 0));
		opened(run + "C6", run + "R6", A, at(20, 9, 0));
		aid(run + "C1", "EMERGENCY", "1000", at(1, 8, 30), A);
		aid(run + "C1", "TEMPORARY", "3000", at(4, 8, 0), A);
		aid(run + "C2", "TEMPORARY", "2000", at(3, 20, 0), A);
		aid(run + "C4", "CHARITY", "800", at(10, 15, 0), B);
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

		assertLine(view.get("total"), 6, 5, 4, 4, 72);
		assertLine(keyed(view.get("byTownship"), A.value()), 4, 4, 3, 12, 72);
		assertLine(keyed(view.get("byTownship"), B.value()), 2, 1, 1, 4, 4);
		assertLine(keyed(view.get("byChannel"), "WINDOW"), 2, 2, 2, 1, 72);
		assertLine(keyed(view.get("byChannel"), "HOTLINE"), 2, 2, 1, 12, 12);
		assertLine(keyed(view.get("byChannel"), "FIELD_REPORT"), 1, 1, 1, 4, 4);
		assertThat(keyed(view.get("byChannel"), "ONLINE").get("noneAided").asBoolean()).isTrue();
		assertLine(keyed(view.get("byCause"), "FIRE"), 3, 3, 2, 1, 4);
		assertLine(keyed(view.get("byCause"), "SUDDEN_SERIOUS_ILLNESS"), 1, 1, 1, 72, 72);
		assertLine(keyed(view.get("byMonth"), "2024-02"), 6, 5, 4, 4, 72);
		assertThat(amount(view, "TEMPORARY")).isEqualTo("2:5000.00");
		assertThat(amount(view, "EMERGENCY")).isEqualTo("1:1000.00");
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
			assertThat(book.getSheet("按乡镇").getRow(1).getCell(3).getNumericCellValue()).isEqualTo(4);
		}
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'reporting.exported' and subject_id = :id")
			.param("id", "632521/2024-02/2024-02")
			.query(Integer.class)
			.single()).as("the export is audited (S8)").isPositive();

		Page township = leader.get("/api/v1/dashboard?from=2024-02&to=2024-02&region=" + B.value());
		assertLine(JsonMapper.builder().build().readTree(township.body()).get("total"), 2, 1, 1, 4, 4);
		Page earlier = leader.get("/api/v1/dashboard?from=2024-01&to=2024-01");
		assertLine(JsonMapper.builder().build().readTree(earlier.body()).get("total"), 0, 0, 0, -1, -1);
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
	}

	private static void assertLine(JsonNode line, long requests, long cases, long aided, int median, int p90) {
		assertThat(List.of(line.get("requests").asLong(), line.get("cases").asLong(), line.get("aided").asLong()))
			.as(line.toString())
			.containsExactly(requests, cases, aided);
		if (aided > 0) {
			assertThat(List.of(line.get("medianHours").asInt(), line.get("p90Hours").asInt())).as(line.toString())
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

	private void request(String number, DivisionCode township, Channel channel, Set<String> causes, Instant at) {
		handle(new HelpRequestReceived(number, channel, Urgency.URGENT, township, "t", at, at.plus(Duration.ofDays(1)),
				causes));
	}

	private void opened(String caseNumber, String requestNumber, DivisionCode township, Instant firstContact) {
		handle(new CaseOpened(caseNumber, UUID.randomUUID(), requestNumber, township, Urgency.URGENT, "t", firstContact,
				firstContact.plus(Duration.ofMinutes(5))));
	}

	private void aid(String caseNumber, String scheme, String amount, Instant at, DivisionCode township) {
		handle(new AssistanceRecorded(UUID.randomUUID(), scheme, "FIRE", caseNumber,
				"/630000/632500/632521/" + township.value() + "/", new BigDecimal(amount), at));
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
