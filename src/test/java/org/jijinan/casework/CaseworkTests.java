package org.jijinan.casework;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.jijinan.region.OtherCounty;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.ResidentIdNumber;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * Cases: opened when a township accepts a request, joined by the household's next request, moved through their life
 * cycle by the right people only, with every move on the timeline; illegal or conflicting moves are refused and
 * change nothing.
 */
@SystemTest
class CaseworkTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private static final String VILLAGE = "632521101201";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor clerk;

	Visitor reviewer;

	Visitor otherReviewer;

	Visitor approver;

	Visitor stranger;

	String reviewerName;

	String otherReviewerName;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		var reviewerAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER);
		reviewerName = reviewerAccount.username();
		reviewer = StaffFixtures.signedIn(port, reviewerAccount);
		var otherAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		otherReviewerName = otherAccount.username();
		otherReviewer = StaffFixtures.signedIn(port, otherAccount);
		approver = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		stranger = StaffFixtures.signedIn(port,
				staff.active(new DivisionCode("632521102"), UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
	}

	@Test
	void opensACaseOnAcceptanceAndAddsTheHouseholdsNextRequestToIt() {
		String father = register("旦增", "19700101", 1);
		String son = register("旦增之子", "19990101", 3);
		String household = idOf(clerk.json("POST", "/api/v1/households", "{\"headId\": \"%s\"}".formatted(father)));
		clerk.json("POST", "/api/v1/households/" + household + "/members",
				"{\"personId\": \"%s\", \"relationship\": \"CHILD\"}".formatted(son));

		Page firstAccepted = acceptance(requestAbout(father));
		String first = IntakeTests.numberOf(firstAccepted);
		String caseNumber = firstAccepted.body().replaceAll("(?s).*\"caseNumber\":\"(JJC-[0-9-]+)\".*", "$1");
		assertThat(caseNumber).as("the acceptance names the case it opened: " + firstAccepted.body())
			.startsWith("JJC-");
		Page secondAccepted = acceptance(requestAbout(son));
		String second = IntakeTests.numberOf(secondAccepted);
		assertThat(secondAccepted.body()).as("the acceptance names the household's case it joined")
			.contains("\"caseNumber\":\"" + caseNumber + "\"");
		assertThat(reviewer.get("/api/v1/help-requests/" + second).body())
			.contains("\"caseNumber\":\"" + caseNumber + "\"");

		Page found = reviewer.get("/api/v1/cases/" + caseNumber);
		assertThat(found.body()).contains("\"status\":\"OPEN\"").contains("\"subjectName\":\"旦增\"")
			.contains("\"handler\":\"" + reviewerName + "\"")
			.contains("\"householdId\":\"" + household + "\"")
			.contains("\"requests\":[\"" + first + "\",\"" + second + "\"]");
		assertThat(reviewer.get("/api/v1/cases?request=" + second).body()).contains(caseNumber);
		Page timeline = reviewer.get("/api/v1/cases/" + caseNumber + "/timeline");
		assertThat(timeline.body()).contains("\"kind\":\"OPENED\"").contains("\"kind\":\"REQUEST_JOINED\"")
			.contains(second);
	}

	@Test
	void givesACaseAcceptedByAClerkToAReviewerWhoMayActAndHandsItOverWithAReason() {
		OtherCounty.ensure(context);
		var staff = StaffFixtures.from(context);
		Visitor tongdeClerk = StaffFixtures.signedIn(port,
				staff.active(OtherCounty.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		var firstAccount = staff.active(OtherCounty.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor first = StaffFixtures.signedIn(port, firstAccount);
		String request = IntakeTests.numberOf(tongdeClerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "13909747001",
				 "subjectName": "才让卓玛", "village": "%s", "description": "房屋失火", "causes": ["FIRE"]}"""
			.formatted(OtherCounty.VILLAGE)));
		Page accepted = tongdeClerk.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		String number = CaseFixtures.caseOf(first, request);

		assertThat(first.get("/api/v1/cases/" + number).body()).as("the clerk who accepted cannot act; a reviewer owns it")
			.contains("\"handler\":\"" + firstAccount.username() + "\"");
		assertThat(first.get("/api/v1/supervision/cases/" + number + "/steps").body())
			.contains("\"kind\":\"INVESTIGATION\"")
			.contains("\"responsible\":\"" + firstAccount.username() + "\"");
		assertProblem(tongdeClerk.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"INVESTIGATING\"}"),
				403, "casework.not-allowed");
		assertThat(first.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"INVESTIGATING\"}")
			.status()).isEqualTo(200);

		var secondAccount = staff.active(OtherCounty.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		String candidates = first.get("/api/v1/cases/" + number + "/handover-candidates").body();
		assertThat(candidates).contains(secondAccount.username()).doesNotContain(firstAccount.username());
		String handover = "/api/v1/cases/" + number + "/handover";
		assertProblem(first.json("POST", handover, "{\"to\": \"%s\", \"reason\": \"休假\"}".formatted(
				StaffFixtures.from(context).active(OtherCounty.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK)
					.username())), 422, "casework.handover-target-invalid");
		assertProblem(first.json("POST", handover, "{\"to\": \"%s\"}".formatted(secondAccount.username())), 400,
				"casework.handover-reason-required");
		assertProblem(tongdeClerk.json("POST", handover, "{\"to\": \"%s\", \"reason\": \"休假\"}".formatted(
				secondAccount.username())), 403, "casework.not-allowed");
		assertThat(first.get("/api/v1/cases/" + number).body()).contains(firstAccount.username());

		Page handed = first.json("POST", handover,
				"{\"to\": \"%s\", \"reason\": \"经办人休假一周\"}".formatted(secondAccount.username()));

		assertThat(handed.status()).as(handed.body()).isEqualTo(200);
		assertThat(handed.body()).contains("\"handler\":\"" + secondAccount.username() + "\"");
		assertThat(first.get("/api/v1/supervision/cases/" + number + "/steps").body())
			.contains("\"responsible\":\"" + secondAccount.username() + "\"");
		String timeline = first.get("/api/v1/cases/" + number + "/timeline").body();
		assertThat(timeline).contains("\"kind\":\"HANDED_OVER\"").contains("测试人员 → 测试人员：经办人休假一周");
		Visitor second = StaffFixtures.signedIn(port, secondAccount);
		String page = second.get("/cases/" + number).body();
		assertThat(page).contains("id=\"case-handler\">测试人员<");
		assertThat(context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select count(*) from audit_record where action = 'casework.case-handed-over' and subject_id = :n")
			.param("n", number)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void movesThroughItsLifeCycleByTheRightPeopleOnly() {
		String number = awaitCaseOf(acceptedRequestAbout(null));

		assertProblem(move(approver, number, "DECIDED", null), 409, "casework.illegal-transition");
		assertThat(move(reviewer, number, "INVESTIGATING", null).status()).isEqualTo(200);
		assertProblem(move(reviewer, number, "AWAITING_DECISION", null), 422, "casework.visit-required");
		visited(number);
		assertThat(move(reviewer, number, "AWAITING_DECISION", null).status()).isEqualTo(200);
		assertProblem(move(reviewer, number, "DECIDED", null), 403, "casework.not-allowed");
		assertProblem(move(clerk, number, "INVESTIGATING", null), 403, "casework.not-allowed");
		assertThat(move(approver, number, "DECIDED", null).status()).isEqualTo(200);
		assertThat(move(reviewer, number, "DELIVERING", null).status()).isEqualTo(200);
		assertThat(move(reviewer, number, "FOLLOW_UP", null).status()).isEqualTo(200);
		assertProblem(move(reviewer, number, "CLOSED", "  "), 400, "casework.note-required");
		Page closed = move(reviewer, number, "CLOSED", "房屋已修复，家庭生活恢复正常");

		assertThat(closed.body()).contains("\"status\":\"CLOSED\"").contains("\"next\":[]");
		String timeline = reviewer.get("/api/v1/cases/" + number + "/timeline").body();
		assertThat(kinds(timeline)).containsExactly("OPENED", "STATUS_INVESTIGATING", "VISIT_RECORDED",
				"VISIT_CONFIRMED", "STATUS_AWAITING_DECISION",
				"STATUS_DECIDED", "STATUS_DELIVERING", "STATUS_FOLLOW_UP", "STATUS_CLOSED");
		assertThat(timeline).contains("房屋已修复");
		assertProblem(move(reviewer, number, "INVESTIGATING", null), 409, "casework.illegal-transition");
	}

	@Test
	void transfersWithANoteToAnotherJurisdictionOnly() {
		String number = awaitCaseOf(acceptedRequestAbout(null));

		assertProblem(move(reviewer, number, "TRANSFERRED", "户籍在外乡", "632521101"), 422,
				"casework.transfer-to-itself");
		assertProblem(move(reviewer, number, "TRANSFERRED", "户籍在外乡", null), 400, "casework.jurisdiction-required");
		assertProblem(move(reviewer, number, "TRANSFERRED", "户籍在外乡", "632521199"), 400, "region.unknown-code");
		Page transferred = move(reviewer, number, "TRANSFERRED", "当事人常住龙羊峡镇，已电话联系", "632521102");

		assertThat(transferred.body()).contains("\"status\":\"TRANSFERRED\"").contains("\"transferredTo\":\"632521102\"");
	}

	@Test
	void keepsCasesOfOtherTownshipsOutOfSight() {
		String number = awaitCaseOf(acceptedRequestAbout(null));

		assertProblem(stranger.get("/api/v1/cases/" + number), 403, "casework.out-of-scope");
		assertProblem(move(stranger, number, "INVESTIGATING", null), 403, "casework.out-of-scope");
		assertThat(stranger.get("/api/v1/cases").body()).doesNotContain(number);
		assertProblem(reviewer.get("/api/v1/cases/JJC-1"), 400, "casework.number-malformed");
		assertProblem(reviewer.get("/api/v1/cases/JJC-20260101-999999"), 404, "casework.case-not-found");
		assertProblem(reviewer.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"SOMEWHERE\"}"), 400,
				"request.invalid-field-value");
	}

	@Test
	void letsOneOfTwoSimultaneousMovesWin() throws Exception {
		String number = awaitCaseOf(acceptedRequestAbout(null));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Callable<Page>> moves = List.of(() -> move(reviewer, number, "INVESTIGATING", null),
				() -> move(otherReviewer, number, "INVESTIGATING", null));

		List<Integer> statuses = new ArrayList<>();
		for (Future<Page> answer : pool.invokeAll(moves)) {
			statuses.add(answer.get().status());
		}
		pool.shutdown();

		assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		assertThat(kinds(reviewer.get("/api/v1/cases/" + number + "/timeline").body())).containsExactly("OPENED",
				"STATUS_INVESTIGATING");
	}

	@Test
	void showsTheCaseAndItsMovesOnThePage() {
		String number = awaitCaseOf(acceptedRequestAbout(null));
		Page shown = reviewer.get("/cases/" + number);
		assertThat(shown.body()).contains("id=\"case-status\"").contains("已立案").contains("move-INVESTIGATING")
			.contains("立案（来自求助）");
		assertThat(reviewer.get("/cases").body()).contains(number);

		Page illegal = reviewer.post("/cases/" + number + "/transitions", Map.of("to", "CLOSED", "note", "无需救助了"));
		assertThat(illegal.status()).isEqualTo(409);
		assertThat(illegal.body()).contains("id=\"problem\"").contains("不能转为");
		reviewer.get("/cases/" + number);
		Page overlong = reviewer.post("/cases/" + number + "/transitions", Map.of("to", "WITHDRAWN", "note", "撤".repeat(1200)));
		assertThat(overlong.status()).isEqualTo(400);
		assertThat(overlong.body()).contains("文字过长").contains("已立案");
		reviewer.get("/cases/" + number);
		Page moved = reviewer.post("/cases/" + number + "/transitions", Map.of("to", "INVESTIGATING"));
		assertThat(moved.status()).isEqualTo(302);
		assertThat(reviewer.get("/cases/" + number).body()).contains("调查核实中").contains("进入调查核实");
	}

	private void visited(String number) {
		Page visit = reviewer.json("POST", "/api/v1/cases/" + number + "/visits",
				"{\"visitedOn\": \"%s\", \"visitors\": [\"%s\"], \"findings\": \"房屋烧毁，一家四口借住亲戚家\"}"
					.formatted(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), otherReviewerName));
		assertThat(visit.status()).as(visit.body()).isEqualTo(201);
		String visitId = visit.body().replaceAll("(?s).*\"visits\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(otherReviewer.json("POST", "/api/v1/cases/" + number + "/visits/" + visitId + "/confirmation", "")
			.status()).isEqualTo(200);
	}

	private String acceptedRequestAbout(String personId) {
		return IntakeTests.numberOf(acceptance(requestAbout(personId)));
	}

	private String requestAbout(String personId) {
		String body = personId == null ? IntakeTests.request("NORMAL", "13909741234", "FIRE")
				: """
						{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "13909741235",
						 "personId": "%s", "village": "%s", "description": "家中失火，急需帮助", "causes": ["FIRE"]}"""
					.formatted(personId, VILLAGE);
		return IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests", body));
	}

	private Page acceptance(String number) {
		Page accepted = reviewer.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		return accepted;
	}

	private String awaitCaseOf(String requestNumber) {
		return CaseFixtures.caseOf(reviewer, requestNumber);
	}

	private Page move(Visitor who, String number, String to, String note) {
		return move(who, number, to, note, null);
	}

	private Page move(Visitor who, String number, String to, String note, String jurisdiction) {
		String body = "{\"to\": \"%s\"%s%s}".formatted(to, note == null ? "" : ", \"note\": \"" + note + "\"",
				jurisdiction == null ? "" : ", \"jurisdiction\": \"" + jurisdiction + "\"");
		return who.json("POST", "/api/v1/cases/" + number + "/transitions", body);
	}

	private String register(String name, String birth, int sexDigit) {
		String body = "632523" + birth + String.format("%02d", SEQUENCE.incrementAndGet() % 100) + sexDigit;
		String idNumber = body + ResidentIdNumber.checkCharacter(body);
		return idOf(clerk.json("POST", "/api/v1/persons", """
				{"name": "%s", "idNumber": "%s", "residence": "%s"}""".formatted(name, idNumber, VILLAGE)));
	}

	private static List<String> kinds(String timeline) {
		List<String> kinds = new ArrayList<>();
		var matcher = java.util.regex.Pattern.compile("\"kind\":\"([A-Z_]+)\"").matcher(timeline);
		while (matcher.find()) {
			kinds.add(matcher.group(1));
		}
		return kinds;
	}

}
