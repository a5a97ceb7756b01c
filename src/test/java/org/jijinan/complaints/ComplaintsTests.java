package org.jijinan.complaints;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.supervision.DeadlineMessages;
import org.jijinan.supervision.Sweeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Complaints through the API and the pages: routed away from the unit complained about, which cannot see them by
 * any endpoint; acknowledged, extended once and answered under the county's clocks, watched by supervision; bad,
 * hostile and repeated input refused or merged without a half-written record; the public channel rate-limited.
 */
@SystemTest
class ComplaintsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ComplaintLimits limits;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

	StaffFixtures staff;

	Visitor hotline;

	Visitor township;

	String townshipUnit;

	Visitor bureau;

	String bureauReviewer;

	Visitor office;

	@BeforeEach
	void signIn() {
		limits.reset();
		staff = StaffFixtures.from(context);
		hotline = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR));
		var townshipAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_APPROVER, Role.WINDOW_CLERK);
		township = StaffFixtures.signedIn(port, townshipAccount);
		townshipUnit = townshipAccount.unitId().value().toString();
		var reviewer = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER);
		bureauReviewer = reviewer.username();
		bureau = StaffFixtures.signedIn(port, reviewer);
		office = StaffFixtures.signedInWithSecondFactor(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.SUPERVISOR), context);
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void aComplaintAboutATownshipIsAnsweredByTheCountyAndTheTownshipSeesNothingOfIt() {
		JsonNode receipt = receive(hotline, """
				{"kind": "CONDUCT_REFUSED_TO_ACCEPT", "subjectUnit": "%s", "text": "乡里窗口说不归他们管，让我去县里",
				 "name": "卓玛措", "phone": "13909741234", "language": "TIBETAN", "channel": "HOTLINE"}"""
			.formatted(townshipUnit), 201);
		String number = receipt.path("number").asString();
		assertThat(number).matches("TS-\\d{8}-\\d{6}");
		assertThat(receipt.path("followCode").asString()).matches("\\d{6}");

		Page read = bureau.get("/api/v1/complaints/" + number);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		JsonNode complaint = JSON.readTree(read.body());
		assertThat(complaint.path("handlerName").asString()).isNotBlank();
		assertThat(complaint.path("complainant").path("name").asString()).isEqualTo("卓**");
		assertThat(complaint.path("complainant").path("phone").asString()).isEqualTo("139****1234");
		assertThat(read.body()).doesNotContain("13909741234").doesNotContain("卓玛措");
		assertThat(bureau.get("/api/v1/complaints").body()).contains(number);
		assertThat(stepStatus(number, "COMPLAINT_ACKNOWLEDGEMENT")).isEqualTo("OPEN");

		// The unit complained about: the complaint does not exist, whatever it tries — every operation on a
		// complaint the platform maps, API and pages, with input that would otherwise be accepted.
		Set<String> operations = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
			if (pattern.contains("/complaints/{number}")) {
				info.getMethodsCondition().getMethods().forEach(method -> operations.add(method.name() + " " + pattern));
			}
		}));
		assertThat(operations).as("the complaint operations found").hasSizeGreaterThanOrEqualTo(10);
		Map<String, String> fields = Map.of("reason", "需要时间核实", "investigation", "已经核实过了", "finding",
				"UNFOUNDED", "answer", "反映不属实", "purpose", "想知道是谁");
		for (String operation : operations) {
			String method = operation.substring(0, operation.indexOf(' '));
			String path = operation.substring(operation.indexOf(' ') + 1).replace("{number}", number);
			Page attempt = method.equals("GET") ? township.get(path)
					: path.startsWith("/api/") ? township.json(method, path, JSON.writeValueAsString(fields))
							: township.post(path, fields);
			assertThat(attempt.status()).as(operation + " " + attempt.body()).isEqualTo(404);
			assertThat(attempt.body()).doesNotContain("卓").doesNotContain("窗口说不归");
		}
		assertThat(township.get("/api/v1/complaints").status()).isEqualTo(403);
		assertThat(township.get("/complaints").status()).isEqualTo(403);
		assertThat(township.get("/").body()).doesNotContain("/complaints\"");
		// Nothing the township did changed it.
		assertThat(status(number)).isEqualTo("RECEIVED");

		Page refused = bureau.json("POST", "/api/v1/complaints/" + number + "/answer",
				"{\"investigation\": \"已核实\", \"finding\": \"FOUNDED\", \"answer\": \"已责令乡里受理\"}");
		assertThat(refused.status()).as("answered before it is signed for").isEqualTo(409);
		assertThat(bureau.json("POST", "/api/v1/complaints/" + number + "/acknowledgement", "").status())
			.isEqualTo(200);
		assertThat(stepStatus(number, "COMPLAINT_ACKNOWLEDGEMENT")).isEqualTo("DONE");
		assertThat(responsible(number, "COMPLAINT_ANSWER")).isEqualTo(bureauReviewer);
		Page noFinding = bureau.json("POST", "/api/v1/complaints/" + number + "/answer",
				"{\"investigation\": \"调取窗口记录\", \"finding\": \"MAYBE\", \"answer\": \"已责令乡里受理\"}");
		assertThat(noFinding.status()).isEqualTo(400);
		assertThat(noFinding.body()).contains("complaints.finding-required");
		Page answered = bureau.json("POST", "/api/v1/complaints/" + number + "/answer",
				"{\"investigation\": \"调取窗口记录，询问当班人员\", \"finding\": \"FOUNDED\", \"answer\": \"情况属实，已责令乡政府当日受理。\"}");
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(JSON.readTree(answered.body()).path("answers").get(0).path("onTime").asBoolean()).isTrue();
		assertThat(stepStatus(number, "COMPLAINT_ANSWER")).isEqualTo("DONE");

		Page revealed = bureau.json("POST", "/api/v1/complaints/" + number + "/complainant-reveals",
				"{\"purpose\": \"电话回访投诉人\"}");
		assertThat(revealed.status()).as("the handler may still call the complainant back").isEqualTo(200);
		assertThat(revealed.body()).contains("卓玛措").contains("13909741234");
		assertThat(jdbc.sql("""
				select count(*) from audit_record where subject_id = :number and action in
				 ('complaints.complaint-received', 'complaints.complaint-acknowledged',
				  'complaints.complaint-answered', 'complaints.complainant-revealed')""")
			.param("number", number)
			.query(Long.class)
			.single()).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from audit_record where subject_id = :number and details::text like '%13909741234%'")
			.param("number", number)
			.query(Long.class)
			.single()).as("no phone in the audit trail").isZero();

		// The complainant reads Tibetan: the answer reaches them in it, with the handler's words.
		await().atMost(Duration.ofSeconds(20)).until(() -> sms("complaint-answered:" + number + ":1").size() == 1);
		assertThat(sms("complaint-answered:" + number + ":1").get(0)).contains("ཞུ་གཏུག་ " + number)
			.contains("ཞིབ་བཤེར་བྱས་པར་གནས་ཚུལ་བདེན་པ་ཡིན།")
			.contains("已责令乡政府当日受理");
		assertThat(sms("complaint-received:" + number)).hasSize(1);
	}

	@Test
	void aComplaintAboutTheBureauGoesToTheSupervisionOfficeAndTheBureauCannotReadIt() {
		String bureauUnit = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER)
			.unitId()
			.value()
			.toString();
		String number = receive(township, """
				{"kind": "DECISION_DELAYED", "subjectUnit": "%s", "text": "县里审批拖了两个月", "anonymous": true,
				 "channel": "WINDOW"}""".formatted(bureauUnit), 201).path("number").asString();
		assertThat(bureau.get("/api/v1/complaints/" + number).status()).isEqualTo(404);
		Page read = office.get("/api/v1/complaints/" + number);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(JSON.readTree(read.body()).path("complainant").path("phone").asString("")).as("anonymous").isEmpty();
		assertThat(township.get("/api/v1/complaints/" + number).status())
			.as("the window that typed it in does not follow it").isEqualTo(404);
	}

	@Test
	void theAnswerMayBeExtendedOnceWithAReasonAndTheStepFollows() {
		String number = receive(hotline, """
				{"kind": "DECISION_AMOUNT", "subjectUnit": "%s", "text": "救助金额比邻居少一半", "phone": "13909745555",
				 "channel": "HOTLINE"}""".formatted(townshipUnit), 201).path("number").asString();
		var due = jdbc.sql("select due_at from supervision_step where subject_ref = :n and kind = 'COMPLAINT_ANSWER'")
			.param("n", number)
			.query(java.sql.Timestamp.class)
			.single();
		Page noReason = bureau.json("POST", "/api/v1/complaints/" + number + "/extension", "{\"reason\": \" \"}");
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.body()).contains("complaints.extension-reason-required");
		assertThat(bureau.json("POST", "/api/v1/complaints/" + number + "/extension",
				"{\"reason\": \"需要调取医院和银行记录\"}").status()).isEqualTo(200);
		var extended = jdbc.sql("select due_at from supervision_step where subject_ref = :n and kind = 'COMPLAINT_ANSWER'")
			.param("n", number)
			.query(java.sql.Timestamp.class)
			.single();
		assertThat(extended).isAfter(due);
		Page again = bureau.json("POST", "/api/v1/complaints/" + number + "/extension", "{\"reason\": \"还要再等等\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("complaints.already-extended");
	}

	@Test
	void anUnacknowledgedComplaintIsEscalatedByTheSweepOnTheCountysClock() {
		String number = receive(hotline, """
				{"kind": "CONDUCT_RUDE", "subjectUnit": "%s", "text": "窗口工作人员态度恶劣", "anonymous": true,
				 "channel": "HOTLINE"}""".formatted(townshipUnit), 201).path("number").asString();
		UUID step = jdbc.sql("""
				select id from supervision_step where subject_ref = :n and kind = 'COMPLAINT_ACKNOWLEDGEMENT'""")
			.param("n", number)
			.query(UUID.class)
			.single();
		var alerts = new DeadlineMessages(jdbc);
		clock.advance(Duration.ofDays(4));
		Sweeps.sweep(context);
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "OVERDUE") >= 1);
		assertThat(alerts.recipients(step, "OVERDUE")).anyMatch(recipient -> recipient.startsWith("unit:"));
		clock.advance(Duration.ofDays(4));
		Sweeps.sweep(context);
		await().atMost(Duration.ofSeconds(20)).until(() -> alerts.count(step, "SUPERVISOR") == 1);
		assertThat(alerts.recipients(step, "SUPERVISOR")).containsExactly("supervisors:/630000/632500/632521/");
		assertThat(bureau.get("/").body()).contains("待签收的投诉举报");
	}

	@Test
	void badInputIsRefusedWithItsCodeAndNothingIsStored() {
		long before = count();
		record Bad(String json, int status, String code) {
		}
		for (Bad bad : List.of(
				new Bad("{\"kind\": \"FRAUD\", \"text\": \"  \", \"anonymous\": true, \"channel\": \"HOTLINE\"}", 400,
						"complaints.text-required"),
				new Bad("{\"kind\": \"FRAUD\", \"text\": \"<script>alert(1)</script>有人冒领\", \"anonymous\": true, \"channel\": \"HOTLINE\"}",
						400, "complaints.text-markup"),
				new Bad("{\"kind\": \"FRAUD\", \"text\": \"有人冒领\\u0000救助\", \"anonymous\": true, \"channel\": \"HOTLINE\"}",
						400, "complaints.text-markup"),
				new Bad("{\"kind\": \"FRAUD\", \"text\": \"" + "长".repeat(2001) + "\", \"anonymous\": true, \"channel\": \"HOTLINE\"}",
						400, "request.invalid-field"),
				new Bad("{\"kind\": \"NONSENSE\", \"text\": \"有人冒领救助\", \"anonymous\": true, \"channel\": \"HOTLINE\"}",
						400, "complaints.kind-required"),
				new Bad("{\"kind\": \"FRAUD\", \"text\": \"有人冒领救助\", \"channel\": \"HOTLINE\"}", 400,
						"complaints.phone-required"),
				new Bad("{\"kind\": \"FRAUD\", \"text\": \"有人冒领救助\", \"phone\": \"12345\", \"channel\": \"HOTLINE\"}",
						400, "complaints.phone-malformed"),
				new Bad("{\"kind\": \"FRAUD\", \"text\": \"有人冒领救助\", \"anonymous\": true, \"subjectUnit\": \""
						+ UUID.randomUUID() + "\", \"channel\": \"HOTLINE\"}", 400, "complaints.subject-unknown"),
				new Bad("{\"kind\": \"FRAUD\", \"text\": \"有人冒领救助\", \"anonymous\": true}", 400,
						"complaints.channel-required"),
				new Bad("{\"kind\": \"FRAUD\", \"text\": [1, 2]}", 400, "request"),
				new Bad("not json at all", 400, "request"))) {
			Page refused = hotline.json("POST", "/api/v1/complaints", bad.json());
			assertThat(refused.status()).as(bad.json()).isEqualTo(bad.status());
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.body()).contains(bad.code()).doesNotContain("Exception");
		}
		assertThat(count()).isEqualTo(before);
		assertThat(hotline.get("/api/v1/complaints/TS-2026-garbage").status()).isEqualTo(404);
		assertThat(hotline.get("/api/v1/complaints/%27%20or%201=1").status()).isEqualTo(404);
	}

	@Test
	void theSameComplaintWithinAnHourIsMergedNotMultiplied() {
		String json = """
				{"kind": "FRAUD", "text": "邻村某人家里有车有房还领临时救助 %s", "phone": "13909746666", "channel": "HOTLINE"}"""
			.formatted(UUID.randomUUID());
		String first = receive(hotline, json, 201).path("number").asString();
		JsonNode again = receive(hotline, json, 200);
		assertThat(again.path("number").asString()).isEqualTo(first);
		assertThat(again.path("followCode").asString("")).as("no second follow code").isEmpty();
		assertThat(jdbc.sql("select repeats from complaints_complaint where number = :n")
			.param("n", first)
			.query(Integer.class)
			.single()).isEqualTo(1);
		clock.advance(Duration.ofMinutes(61));
		assertThat(receive(hotline, json, 201).path("number").asString()).isNotEqualTo(first);
	}

	@Test
	void thePublicChannelIsLimitedPerPhoneAndPerAddressAndKeepsTheForm() {
		Visitor stranger = new Visitor(port);
		stranger.get("/public/complaints");
		for (int i = 0; i < 3; i++) {
			Page sent = stranger.post("/public/complaints", Map.of("kind", "SERVICE_QUALITY", "text",
					"办事大厅没有人 " + i, "phone", "13909747777"));
			assertThat(sent.status()).as(sent.body()).isEqualTo(200);
			assertThat(sent.body()).contains("TS-");
			stranger.get("/public/complaints");
		}
		Page limited = stranger.post("/public/complaints",
				Map.of("kind", "SERVICE_QUALITY", "text", "第四次反映办事大厅没有人", "phone", "13909747777"));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.body()).contains("秒后再试").contains("第四次反映办事大厅没有人");
		for (int i = 0; i < 7; i++) {
			stranger.get("/public/complaints");
			stranger.post("/public/complaints", Map.of("kind", "SERVICE_QUALITY", "text", "匿名反映 " + i,
					"anonymous", "true"));
		}
		stranger.get("/public/complaints");
		Page flooded = stranger.post("/public/complaints",
				Map.of("kind", "SERVICE_QUALITY", "text", "又一次匿名反映", "anonymous", "true"));
		assertThat(flooded.status()).isEqualTo(429);
	}

	@Test
	void aPartnerSystemSendsComplaintsWithItsScope() {
		var admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		var partner = PartnerFixtures.register(port, admin, "12345 政务服务热线 " + UUID.randomUUID(),
				staff.active(StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR)
					.unitId()
					.value()
					.toString(),
				"complaints:write");
		Page sent = partner.json("POST", "/api/v1/complaints",
				"{\"kind\": \"DECISION_DELAYED\", \"text\": \"12345 转来：申请救助一个月没有消息\", \"phone\": \"13909748888\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(201);
		String number = JSON.readTree(sent.body()).path("number").asString();
		assertThat(jdbc.sql("select channel from complaints_complaint where number = :n")
			.param("n", number)
			.query(String.class)
			.single()).isEqualTo("PARTNER");
		assertThat(partner.get("/api/v1/complaints/" + number).status()).isIn(403, 404);
	}

	private JsonNode receive(Visitor who, String json, int status) {
		Page page = who.json("POST", "/api/v1/complaints", json);
		assertThat(page.status()).as(page.body()).isEqualTo(status);
		return JSON.readTree(page.body());
	}

	private String status(String number) {
		return jdbc.sql("select status from complaints_complaint where number = :n")
			.param("n", number)
			.query(String.class)
			.single();
	}

	private String stepStatus(String number, String kind) {
		return jdbc.sql("select status from supervision_step where subject_ref = :n and kind = :k order by started_at desc limit 1")
			.param("n", number)
			.param("k", kind)
			.query(String.class)
			.single();
	}

	private String responsible(String number, String kind) {
		return jdbc.sql("select responsible from supervision_step where subject_ref = :n and kind = :k order by started_at desc limit 1")
			.param("n", number)
			.param("k", kind)
			.query(String.class)
			.single();
	}

	private List<String> sms(String key) {
		return jdbc.sql("select body from notify_message where source_key = :key and channel = 'SMS'")
			.param("key", key)
			.query(String.class)
			.list();
	}

	private long count() {
		return jdbc.sql("select count(*) from complaints_complaint").query(Long.class).single();
	}

}
