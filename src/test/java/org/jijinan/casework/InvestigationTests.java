package org.jijinan.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * The investigation: a visit needs two staff who both confirm it; the economic-status check records the family's
 * authorisation and reuses a household's report while it is valid; the public notice carries no personal
 * identifiers and keeps its objections.
 */
@SystemTest
class InvestigationTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H',
			'D', 'R' };

	private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor clerk;

	Visitor reviewer;

	Visitor colleague;

	String colleagueName;

	Visitor stranger;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		var colleagueAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER);
		colleagueName = colleagueAccount.username();
		colleague = StaffFixtures.signedIn(port, colleagueAccount);
		stranger = StaffFixtures.signedIn(port,
				staff.active(new DivisionCode("632521102"), UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
	}

	@Test
	void needsTwoVisitorsWhoBothConfirmTheRecord() {
		String number = openCase(null, "13909743001");

		assertProblem(visit(number, "[]", "房屋烧毁"), 422, "casework.two-visitors-required");
		assertProblem(visit(number, "[\"" + colleagueName + "\"]", " "), 400, "casework.findings-required");
		assertProblem(reviewer.json("POST", "/api/v1/cases/" + number + "/visits",
				"{\"visitedOn\": \"2999-01-01\", \"visitors\": [\"" + colleagueName + "\"], \"findings\": \"房屋烧毁严重\"}"),
				400, "casework.date-invalid");
		Page recorded = visit(number, "[\"" + colleagueName + "\"]", "房屋烧毁严重，一家四口借住亲戚家");
		assertThat(recorded.status()).isEqualTo(201);
		assertThat(recorded.body()).contains("{\"visitor\":\"" + colleagueName + "\"}");
		String visit = recorded.body().replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertProblem(reviewer.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"AWAITING_DECISION\"}"),
				409, "casework.illegal-transition");
		reviewer.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		assertProblem(reviewer.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"AWAITING_DECISION\"}"),
				422, "casework.visit-required");

		assertProblem(clerk.json("POST", "/api/v1/cases/" + number + "/visits/" + visit + "/confirmation", ""), 403,
				"casework.not-a-visitor");
		assertProblem(stranger.json("POST", "/api/v1/cases/" + number + "/visits/" + visit + "/confirmation", ""), 403,
				"casework.out-of-scope");
		assertThat(colleague.json("POST", "/api/v1/cases/" + number + "/visits/" + visit + "/confirmation", "").status())
			.isEqualTo(200);
		assertProblem(colleague.json("POST", "/api/v1/cases/" + number + "/visits/" + visit + "/confirmation", ""), 409,
				"casework.visit-already-confirmed");
		assertThat(reviewer.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"AWAITING_DECISION\"}")
			.status()).isEqualTo(200);
	}

	@Test
	void keepsVisitPhotosForThoseWhoMaySeeTheCaseOnly() {
		String number = openCase(null, "13909743005");
		String visit = visit(number, "[\"" + colleagueName + "\"]", "屋顶烧穿，墙体开裂")
			.body()
			.replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");

		Page added = upload(colleague, number, visit, "屋顶.png", PNG);
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		String photo = idOf(added);
		assertProblem(upload(colleague, number, visit, "屋顶.jpg", "MZ this is a program".getBytes()), 422,
				"casework.photo-type");
		assertProblem(upload(colleague, number, visit, "屋顶.pdf", PNG), 422, "casework.photo-type");
		assertProblem(upload(stranger, number, visit, "屋顶.png", PNG), 403, "casework.out-of-scope");

		byte[] served = reviewer.sendBytes(java.net.http.HttpRequest.newBuilder(
				reviewer.uri("/api/v1/cases/" + number + "/photos/" + photo)));
		assertThat(served).isEqualTo(PNG);
		assertThat(stranger.get("/api/v1/cases/" + number + "/photos/" + photo).status()).isEqualTo(403);
		assertThat(reviewer.get("/api/v1/cases/" + number + "/investigation").body()).contains("屋顶.png")
			.doesNotContain("屋顶.jpg");
	}

	private static Page upload(Visitor who, String number, String visit, String name, byte[] content) {
		String boundary = "----jijinan" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		String path = "/api/v1/cases/" + number + "/visits/" + visit + "/photos";
		return who.send(java.net.http.HttpRequest.newBuilder(who.uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", who.csrf())
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	@Test
	void reusesAHouseholdsEconomicReportWhileItIsValid() {
		String head = register("索南", "19680101", 1);
		String household = idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(head)));
		assertThat(household).isNotBlank();
		String first = openCase(head, "13909743002");

		assertProblem(check(first, " "), 400, "casework.authorisation-required");
		Page requested = check(first, "户主签字授权书");
		assertThat(requested.status()).isEqualTo(201);
		assertThat(requested.body()).doesNotContain("reusedFrom").doesNotContain("reportDate");
		String checkId = requested.body().replaceAll("(?s).*\"checks\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertProblem(report(first, checkId, TODAY, "2000-01-01"), 400, "casework.report-validity-invalid");
		String validUntil = LocalDate.parse(TODAY).plusMonths(6).toString();
		assertThat(report(first, checkId, TODAY, validUntil).body()).contains("\"validUntil\":\"" + validUntil + "\"");
		assertProblem(report(first, checkId, TODAY, validUntil), 409, "casework.report-already-recorded");
		reviewer.json("POST", "/api/v1/cases/" + first + "/transitions", "{\"to\": \"WITHDRAWN\", \"note\": \"申请人撤回申请\"}");

		String second = openCase(head, "13909743003");
		assertThat(second).isNotEqualTo(first);
		Page reused = check(second, "户主再次签字授权");

		assertThat(reused.body()).contains("\"reusedFrom\":\"" + checkId + "\"")
			.contains("\"validUntil\":\"" + validUntil + "\"")
			.contains("家庭收入低于当地低保标准");
		assertThat(reviewer.get("/api/v1/cases/" + second + "/timeline").body()).contains("CHECK_REUSED");
	}

	@Test
	void postsANoticeWithoutPersonalIdentifiersAndKeepsObjections() {
		String idNumber = idNumber("19750505", 2);
		String person = idOf(clerk.json("POST", "/api/v1/persons",
				"{\"name\": \"卓玛措\", \"idNumber\": \"%s\", \"phone\": \"13909743099\", \"residence\": \"632521101201\"}"
					.formatted(idNumber)));
		String number = openCase(person, "13909743004");

		assertProblem(reviewer.json("POST", "/api/v1/cases/" + number + "/notices", "{\"days\": 3}"), 400,
				"casework.notice-period-invalid");
		Page posted = reviewer.json("POST", "/api/v1/cases/" + number + "/notices", "{\"days\": 7}");
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		String noticeId = posted.body().replaceAll("(?s).*\"notices\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		Page printable = reviewer.get("/cases/" + number + "/notices/" + noticeId);
		assertThat(printable.body()).contains("倒淌河镇").contains("卓某").contains("火灾").contains("12349").contains(number);
		for (Page shown : new Page[] { posted, printable }) {
			assertThat(shown.body()).doesNotContain(idNumber)
				.doesNotContain(idNumber.substring(6, 14))
				.doesNotContain("13909743004")
				.doesNotContain("13909743099")
				.doesNotContain("卓玛措");
		}

		assertProblem(reviewer.json("POST", "/api/v1/cases/" + number + "/notices/" + noticeId + "/objections",
				"{\"receivedOn\": \"%s\", \"summary\": \"\"}".formatted(TODAY)), 400, "casework.objection-required");
		Page objected = reviewer.json("POST", "/api/v1/cases/" + number + "/notices/" + noticeId + "/objections",
				"{\"receivedOn\": \"%s\", \"summary\": \"邻居反映其家中另有车辆\"}".formatted(TODAY));
		assertThat(objected.body()).contains("邻居反映其家中另有车辆");
		Page evaluated = reviewer.json("POST", "/api/v1/cases/" + number + "/evaluations",
				"{\"heldOn\": \"%s\", \"participants\": 9, \"outcome\": \"AGREED\", \"notes\": \"一致同意\"}".formatted(TODAY));
		assertThat(evaluated.body()).contains("\"outcome\":\"AGREED\"");
		assertThat(reviewer.get("/cases/" + number).body()).contains("邻居反映其家中另有车辆").contains("打印公示");
	}

	private Page visit(String number, String visitors, String findings) {
		return reviewer.json("POST", "/api/v1/cases/" + number + "/visits",
				"{\"visitedOn\": \"%s\", \"visitors\": %s, \"findings\": \"%s\"}".formatted(TODAY, visitors, findings));
	}

	private Page check(String number, String note) {
		return reviewer.json("POST", "/api/v1/cases/" + number + "/economic-checks",
				"{\"authorisedOn\": \"%s\", \"authorisationNote\": \"%s\"}".formatted(TODAY, note));
	}

	private Page report(String number, String check, String dated, String validUntil) {
		return reviewer.json("POST", "/api/v1/cases/" + number + "/economic-checks/" + check + "/report",
				"{\"reportDate\": \"%s\", \"validUntil\": \"%s\", \"summary\": \"家庭收入低于当地低保标准，无车辆房产\"}"
					.formatted(dated, validUntil));
	}

	private String openCase(String personId, String phone) {
		String body = personId == null ? IntakeTests.request("NORMAL", phone, "FIRE")
				: """
						{"channel": "WINDOW", "urgency": "NORMAL", "reporterRelation": "SELF", "reporterPhone": "%s",
						 "personId": "%s", "village": "632521101201", "description": "家中失火", "causes": ["FIRE"]}"""
					.formatted(phone, personId);
		return CaseFixtures.acceptedCase(clerk, reviewer, body);
	}

	private String register(String name, String birth, int sexDigit) {
		return idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "%s", "idNumber": "%s", "residence": "632521101201"}""".formatted(name, idNumber(birth, sexDigit))));
	}

	private static String idNumber(String birth, int sexDigit) {
		String body = "632524" + birth + String.format("%02d", SEQUENCE.incrementAndGet() % 100) + sexDigit;
		return body + ResidentIdNumber.checkCharacter(body);
	}

}
