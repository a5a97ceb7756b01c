package org.jijinan.intake;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;

/**
 * One door: a request received anywhere goes to the right township's queue with an owner and a clock; retries with
 * one idempotency key make one request.
 */
@SystemTest
public class IntakeTests {

	static final String DAOTANGHE_VILLAGE = "632521101201";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDayCalendar calendar;

	Visitor qiabuqiaClerk;

	Visitor daotangheClerk;

	String qiabuqiaClerkName;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		var clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		qiabuqiaClerkName = clerk.username();
		qiabuqiaClerk = StaffFixtures.signedIn(port, clerk);
		daotangheClerk = StaffFixtures.signedIn(port, staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER));
	}

	@Test
	void routesARequestToTheTownshipWhereThePersonLivesWithTheReceiverAsOwnerUntilAccepted() {
		Page received = qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", "13909740011", "FIRE"));

		assertThat(received.status()).as(received.body()).isEqualTo(201);
		String number = numberOf(received);
		assertThat(received.body()).contains("\"township\":\"632521101\"").contains("\"owner\":\"" + qiabuqiaClerkName)
			.contains("\"status\":\"RECEIVED\"").contains("139****0011").doesNotContain("13909740011");
		Instant receivedAt = Instant.parse(field(received, "receivedAt"));
		assertThat(Instant.parse(field(received, "acceptBy"))).isEqualTo(calendar.plusWorkingDays(receivedAt, 1));
		assertThat(daotangheClerk.get("/api/v1/help-request-queue").body()).contains(number);
		assertThat(qiabuqiaClerk.get("/api/v1/help-request-queue").body()).as("still the owner's").contains(number);

		assertThat(qiabuqiaClerk.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "").status())
			.as("the receiver of another township cannot accept").isEqualTo(403);
		Page accepted = daotangheClerk.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "");

		assertThat(accepted.body()).contains("\"status\":\"ACCEPTED\"");
		assertThat(qiabuqiaClerk.get("/api/v1/help-request-queue").body()).doesNotContain(number);
		assertThat(daotangheClerk.json("POST", "/api/v1/help-requests/" + number + "/refusal",
				"{\"reason\": \"已经受理过了\"}").status()).isEqualTo(409);
	}

	@Test
	void routesByResidenceByDefaultEvenWhenAnIncidentVillageIsGiven() {
		Page received = qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", "13909740051", "FIRE")
			.replace("\"village\":", "\"incidentVillage\": \"632521102201\", \"village\":"));

		assertThat(received.body()).contains("\"township\":\"632521101\"");
	}

	@Test
	void givesAnEmergencyTwoHoursOnTheClock() {
		Page received = qiabuqiaClerk.json("POST", "/api/v1/help-requests",
				request("EMERGENCY", "13909740012", "SUDDEN_SERIOUS_ILLNESS"));

		Instant receivedAt = Instant.parse(field(received, "receivedAt"));
		assertThat(Instant.parse(field(received, "acceptBy"))).isEqualTo(receivedAt.plus(Duration.ofHours(2)));
	}

	@Test
	void refusesWithAWrittenReason() {
		String number = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests",
				request("NORMAL", "13909740013", "OTHER")));

		assertThat(daotangheClerk.json("POST", "/api/v1/help-requests/" + number + "/refusal", "{\"reason\": \"否\"}")
			.body()).contains("intake.refusal-reason-required");
		Page refused = daotangheClerk.json("POST", "/api/v1/help-requests/" + number + "/refusal",
				"{\"reason\": \"经核实家庭收入高于救助标准\"}");
		assertThat(refused.body()).contains("\"status\":\"REFUSED\"").contains("经核实家庭收入高于救助标准");
	}

	@Test
	void makesOneRequestFromRetriesWithOneKeyAndRefusesTheKeyWithAnotherBody() {
		String body = request("URGENT", "13909740014", "TRAFFIC_ACCIDENT");
		long before = requests();

		Page first = qiabuqiaClerk.send(withKey("retry-" + System.nanoTime(), body));
		String key = "retry-key-" + System.nanoTime();
		Page original = qiabuqiaClerk.send(withKey(key, body));
		Page retry = qiabuqiaClerk.send(withKey(key, body));
		Page other = qiabuqiaClerk.send(withKey(key, request("URGENT", "13909740015", "FIRE")));

		assertThat(first.status()).isEqualTo(201);
		assertThat(original.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(numberOf(retry)).isEqualTo(numberOf(original));
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.body()).contains("intake.idempotency-key-reused");
		assertThat(requests()).isEqualTo(before + 2);
	}

	@Test
	void makesOneRequestFromConcurrentRetries() throws Exception {
		String body = request("EMERGENCY", "13909740016", "FIRE");
		String key = "concurrent-" + System.nanoTime();
		long before = requests();
		var start = new CountDownLatch(1);
		List<Callable<Page>> attempts = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			attempts.add(() -> {
				start.await();
				return qiabuqiaClerk.send(withKey(key, body));
			});
		}
		var pool = Executors.newFixedThreadPool(12);
		List<Future<Page>> answers = new ArrayList<>();
		attempts.forEach(attempt -> answers.add(pool.submit(attempt)));
		start.countDown();
		Set<String> numbers = new HashSet<>();
		for (Future<Page> answer : answers) {
			Page page = answer.get();
			assertThat(page.status()).as(page.body()).isEqualTo(201);
			numbers.add(numberOf(page));
		}
		pool.shutdown();

		assertThat(numbers).hasSize(1);
		assertThat(requests()).isEqualTo(before + 1);
	}

	@Test
	void acceptsARequestOnceWhenItIsAcceptedSeveralTimesAtTheSameMoment() throws Exception {
		String number = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests",
				request("URGENT", "13909740019", "FIRE")));
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(6);
		List<Future<Page>> answers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return daotangheClerk.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "");
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Page> answer : answers) {
			Page page = answer.get();
			statuses.add(page.status());
			if (page.status() != 200) {
				assertThat(page.status()).as(page.body()).isEqualTo(409);
				assertThat(page.body()).contains("\"status\":409");
			}
		}
		pool.shutdown();

		assertThat(statuses).containsOnlyOnce(200);
		assertThat(jdbc.sql("select version from intake_help_request where number = :number")
			.param("number", number)
			.query(Long.class)
			.single()).as("received, then accepted once").isEqualTo(1L);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(20))
			.until(() -> jdbc.sql("select count(*) from casework_case_request where request_number = :number")
				.param("number", number)
				.query(Long.class)
				.single() == 1);
	}

	@Test
	void flagsALaterRequestAboutTheSamePhoneAsAPossibleDuplicate() {
		String subject = "{\"channel\": \"HOTLINE\", \"urgency\": \"NORMAL\", \"reporterRelation\": \"SELF\", "
				+ "\"subjectName\": \"同一人\", \"subjectPhone\": \"1350974%04d\", \"village\": \"%s\", "
				+ "\"description\": \"%s\", \"causes\": [\"OTHER\"]}";
		int phone = (int) (System.nanoTime() % 10000);
		String first = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests",
				subject.formatted(phone, DAOTANGHE_VILLAGE, "第一次来电")));

		Page second = qiabuqiaClerk.json("POST", "/api/v1/help-requests",
				subject.formatted(phone, DAOTANGHE_VILLAGE, "第二次来电"));

		assertThat(second.body()).contains("\"possibleDuplicateOf\":\"" + first + "\"");
		assertThat(qiabuqiaClerk.get("/intake/requests/" + numberOf(second)).body()).contains("possible-duplicate")
			.contains(first)
			.as("the first-contact owner of another township may not decide: nothing to decide is offered")
			.doesNotContain("id=\"accept\"")
			.doesNotContain("id=\"duplicate-decision\"")
			.doesNotContain("id=\"refuse\"");
	}

	@Test
	void acceptsAPossibleDuplicateOnlyOnceTheTownshipHasMergedItOrKeptItApartWithAReason() {
		String subject = "{\"channel\": \"HOTLINE\", \"urgency\": \"EMERGENCY\", \"reporterRelation\": \"SELF\", "
				+ "\"subjectName\": \"同一人\", \"subjectPhone\": \"1350975%04d\", \"village\": \"%s\", "
				+ "\"description\": \"%s\", \"causes\": [\"FIRE\"]}";
		int phone = (int) (System.nanoTime() % 10000);
		String first = numberOf(daotangheClerk.json("POST", "/api/v1/help-requests",
				subject.formatted(phone, DAOTANGHE_VILLAGE, "第一次来电")));
		String second = numberOf(daotangheClerk.json("POST", "/api/v1/help-requests",
				subject.formatted(phone, DAOTANGHE_VILLAGE, "第二次来电")));
		String page = daotangheClerk.get("/intake/requests/" + second).body();
		assertThat(page).contains("id=\"duplicate-decision\"").as("acceptance is not offered yet")
			.doesNotContain("id=\"accept\"");

		assertProblem(daotangheClerk.json("POST", "/api/v1/help-requests/" + second + "/acceptance", ""), 422,
				"intake.possible-duplicate-unresolved");
		assertProblem(daotangheClerk.json("POST", "/api/v1/help-requests/" + second + "/distinction", "{\"reason\": \"\"}"),
				400, "intake.distinction-reason-required");
		assertProblem(daotangheClerk.json("POST", "/api/v1/help-requests/" + first + "/distinction",
				"{\"reason\": \"不是重复\"}"), 422, "intake.not-a-possible-duplicate");
		Page refused = daotangheClerk.post("/intake/requests/" + second + "/distinction", java.util.Map.of("reason", "短"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).as("what was typed stays").contains(">短</textarea>");

		Page kept = daotangheClerk.json("POST", "/api/v1/help-requests/" + second + "/distinction",
				"{\"reason\": \"同一电话，但这次是其母亲住院，另一件事\"}");
		assertThat(kept.body()).contains("\"keptApartBecause\":\"同一电话，但这次是其母亲住院，另一件事\"");
		assertThat(daotangheClerk.json("POST", "/api/v1/help-requests/" + second + "/acceptance", "").status())
			.isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'intake.possible-duplicate-cleared' "
				+ "and subject_id = :n")
			.param("n", second)
			.query(Long.class)
			.single()).isEqualTo(1);

		String third = numberOf(daotangheClerk.json("POST", "/api/v1/help-requests",
				subject.formatted(phone, DAOTANGHE_VILLAGE, "第三次来电")));
		assertThat(daotangheClerk.json("POST", "/api/v1/help-requests/" + third + "/merger",
				"{\"into\": \"" + first + "\"}").body()).contains("\"status\":\"MERGED\"");
		assertProblem(daotangheClerk.json("POST", "/api/v1/help-requests/" + third + "/acceptance", ""), 409,
				"intake.illegal-transition");
	}

	@Test
	void mergesARequestIntoAnotherAndForwardsOneToAnotherCounty() {
		String first = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", "13909740021", "FIRE")));
		String second = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", "13909740022", "FIRE")));
		String third = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", "13909740023", "FIRE")));
		jdbc.sql("insert into region_division (code, name, level, parent_code, ancestry) values "
				+ "('632523', '贵德县', 'COUNTY', '632500', '/630000/632500/632523/') on conflict do nothing")
			.update();

		assertThat(daotangheClerk.json("POST", "/api/v1/help-requests/" + second + "/merger",
				"{\"into\": \"" + second + "\"}").body()).contains("intake.merge-into-itself");
		Page merged = daotangheClerk.json("POST", "/api/v1/help-requests/" + second + "/merger",
				"{\"into\": \"" + first + "\"}");
		assertThat(merged.body()).contains("\"status\":\"MERGED\"").contains("\"mergedInto\":\"" + first + "\"");
		assertThat(daotangheClerk.json("POST", "/api/v1/help-requests/" + second + "/merger",
				"{\"into\": \"" + first + "\"}").status()).isEqualTo(409);

		assertThat(daotangheClerk.json("POST", "/api/v1/help-requests/" + third + "/forwarding",
				"{\"county\": \"632521\", \"note\": \"本县\"}").body()).contains("intake.forward-to-own-county");
		Page forwarded = daotangheClerk.json("POST", "/api/v1/help-requests/" + third + "/forwarding",
				"{\"county\": \"632523\", \"note\": \"当事人户籍在贵德县，已电话告知\"}");
		assertThat(forwarded.body()).contains("\"status\":\"FORWARDED\"").contains("\"forwardedTo\":\"632523\"");
		assertThat(jdbc.sql("select count(*) from audit_record where action = 'intake.request-forwarded' and subject_id = :n")
			.param("n", third)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void mergesAndForwardsFromTheRequestPageWithReasonsShownOnThePage() {
		String first = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", "13909740024", "FIRE")));
		String second = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", "13909740025", "FIRE")));
		String third = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", "13909740026", "FIRE")));
		jdbc.sql("insert into region_division (code, name, level, parent_code, ancestry) values "
				+ "('632523', '贵德县', 'COUNTY', '632500', '/630000/632500/632523/') on conflict do nothing")
			.update();
		daotangheClerk.get("/intake/requests/" + second);

		Page itself = daotangheClerk.post("/intake/requests/" + second + "/merger", java.util.Map.of("into", second));
		assertThat(itself.status()).isEqualTo(422);
		assertThat(itself.body()).contains("不能把求助合并到它自己").contains("id=\"merge-into\"");
		Page merged = daotangheClerk.post("/intake/requests/" + second + "/merger", java.util.Map.of("into", " " + first));
		assertThat(merged.status()).isEqualTo(302);
		assertThat(daotangheClerk.get("/intake/requests/" + second).body()).contains("id=\"merged-into\"")
			.contains(first)
			.doesNotContain("id=\"merge-into\"");

		daotangheClerk.get("/intake/requests/" + third);
		Page badCode = daotangheClerk.post("/intake/requests/" + third + "/forwarding",
				java.util.Map.of("county", "63x", "note", "户籍在外县"));
		assertThat(badCode.status()).isEqualTo(400);
		assertThat(badCode.body()).contains("id=\"problem\"").doesNotContain("Exception");
		daotangheClerk.get("/intake/requests/" + third);
		Page overlong = daotangheClerk.post("/intake/requests/" + third + "/forwarding",
				java.util.Map.of("county", "632523", "note", "说".repeat(600)));
		assertThat(overlong.status()).isEqualTo(400);
		assertThat(overlong.body()).contains("文字过长").doesNotContain("id=\"forwarded-to\"");
		daotangheClerk.get("/intake/requests/" + third);
		Page forwarded = daotangheClerk.post("/intake/requests/" + third + "/forwarding",
				java.util.Map.of("county", "632523", "note", "当事人户籍在贵德县，已电话告知"));
		assertThat(forwarded.status()).isEqualTo(302);
		assertThat(daotangheClerk.get("/intake/requests/" + third).body()).contains("id=\"forwarded-to\"")
			.contains("632523");
	}

	@Test
	void showsTheHotlineEarlierCallsFromTheSameNumber() {
		String caller = "13909740099";
		String first = numberOf(qiabuqiaClerk.json("POST", "/api/v1/help-requests", request("NORMAL", caller, "FIRE")));
		qiabuqiaClerk.get("/intake/hotline");

		Page earlier = qiabuqiaClerk.post("/intake/earlier-calls", java.util.Map.of("reporterPhone", "139 0974 0099"));

		assertThat(earlier.body()).contains(first).doesNotContain(caller);
		assertThat(qiabuqiaClerk.get("/intake/hotline").body()).contains("12349").contains("callbackWanted");
	}

	@Test
	void refusesBadRequestsWithAReasonAndStoresNothing() {
		long before = requests();

		Page noContact = qiabuqiaClerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterRelation": "NEIGHBOUR", "subjectName": "某",
				 "village": "%s", "description": "房子着火了", "causes": ["FIRE"]}""".formatted(DAOTANGHE_VILLAGE));
		Page unknownVillage = qiabuqiaClerk.json("POST", "/api/v1/help-requests",
				request("NORMAL", "13909740017", "FIRE").replace(DAOTANGHE_VILLAGE, "632521101999"));
		Page unknownCause = qiabuqiaClerk.json("POST", "/api/v1/help-requests",
				request("NORMAL", "13909740018", "ALIENS"));
		Page badNumber = qiabuqiaClerk.get("/api/v1/help-requests/not-a-number");

		assertThat(noContact.body()).contains("intake.no-contact");
		assertThat(noContact.status()).isEqualTo(422);
		assertThat(unknownVillage.body()).contains("intake.unknown-village");
		assertThat(unknownCause.body()).contains("intake.unknown-cause");
		assertThat(badNumber.status()).isEqualTo(400);
		assertThat(requests()).isEqualTo(before);
	}

	private HttpRequest.Builder withKey(String key, String body) {
		return HttpRequest.newBuilder(qiabuqiaClerk.uri("/api/v1/help-requests"))
			.header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", qiabuqiaClerk.csrf())
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private long requests() {
		return jdbc.sql("select count(*) from intake_help_request").query(Long.class).single();
	}


	public static String request(String urgency, String phone, String cause) {
		return """
				{"channel": "WINDOW", "urgency": "%s", "reporterName": "邻居老王", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "%s", "subjectName": "才让", "village": "%s",
				 "description": "昨夜房屋失火，一家四口无处居住", "causes": ["%s"]}""".formatted(urgency, phone, DAOTANGHE_VILLAGE,
				cause);
	}

	public static String numberOf(Page page) {
		return field(page, "number");
	}

	static String field(Page page, String name) {
		return page.body().replaceAll("(?s).*\"" + name + "\":\"([^\"]+)\".*", "$1");
	}

}
