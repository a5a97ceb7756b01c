package org.jijinan.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.HelpRequestAccepted;
import org.jijinan.intake.HelpRequestRefused;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.intake.IntakeTests;
import org.jijinan.intake.Urgency;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Sealer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporter of a request hears what the township decided: a text message to the phone he gave on his profile at
 * acceptance and at refusal, with the reason, and the same in his inbox; each written once however often the event
 * arrives. No second text goes to a phone the applicant's messages reach, and nothing to staff who only register
 * requests for others.
 */
@SystemTest
class ReporterMessagesTests {

	static final DivisionCode TOWNSHIP = new DivisionCode("632521404");

	static final String VILLAGE = "632521404901";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Sealer sealer;

	@Autowired
	IntakeDesk intake;

	StaffFixtures staff;

	Visitor township;

	/** A village reporter who gave his own number on his profile. */
	Opened account;

	Visitor reporter;

	String own;

	@BeforeEach
	void township() {
		TestVillages.ensure(context, VILLAGE, "铁卜加一村", "632521404902", "铁卜加二村");
		staff = StaffFixtures.from(context);
		township = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		account = staff.active(new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER);
		reporter = StaffFixtures.signedIn(port, account);
		own = phone();
		givesHisNumber(reporter, own);
	}

	@Test
	void textsTheReporterOnceAtAcceptanceAndAtRefusalWithTheReason() {
		String subjectPhone = phone();
		String accepted = report(reporter, "卓玛", subjectPhone, null);
		String refused = report(reporter, "贡保才旦", phone(), null);

		assertThat(township.json("POST", "/api/v1/help-requests/" + accepted + "/acceptance", "").status())
			.isEqualTo(200);
		assertThat(township.json("POST", "/api/v1/help-requests/" + refused + "/refusal",
				"{\"reason\": \"家中困难已由村集体互助解决，收入高于 20% 的标准线\"}").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> body("reporter-accepted:" + accepted) != null && body("reporter-refused:" + refused) != null);

		assertThat(body("reporter-accepted:" + accepted)).startsWith("【救急难】您报告的求助 " + accepted + "（卓某）已受理")
			.doesNotContain("卓玛")
			.doesNotContain(subjectPhone);
		assertThat(body("reporter-refused:" + refused)).contains(refused)
			.contains("（贡某）不予受理")
			.contains("理由：家中困难已由村集体互助解决，收入高于 20% 的标准线")
			.contains("请拨打 " + intake.hotlineNumber());
		for (String key : new String[] { "reporter-accepted:" + accepted, "reporter-refused:" + refused }) {
			assertThat(recipient(key)).as("to his own phone").isEqualTo(own);
			assertThat(jdbc.sql("select recipient_masked from notify_message where source_key = :k")
				.param("k", key)
				.query(String.class)
				.single()).isEqualTo(own.substring(0, 3) + "****" + own.substring(7));
		}
		assertThat(jdbc.sql("select recipient_masked from notify_message where source_key = :k")
			.param("k", "reporter-refused:" + refused + ":inbox")
			.query(String.class)
			.single()).isEqualTo("account:" + account.username());
		assertThat(reporter.get("/inbox").body()).contains("您报告的求助 " + accepted + "（卓玛）已受理")
			.contains("href=\"/intake/mine/" + refused + "\"");

		// The events arrive again (delivery is at least once): nothing more is written.
		ReporterMessages messages = context.getBean(ReporterMessages.class);
		for (int i = 0; i < 2; i++) {
			messages.on(new HelpRequestAccepted(accepted, UUID.randomUUID(), null, TOWNSHIP, Urgency.URGENT, "again",
					Instant.now(), Instant.now(), "卓玛", Set.of("FIRE")));
			messages.on(new HelpRequestRefused(refused, TOWNSHIP, "again", Instant.now()));
		}
		assertThat(count("reporter-%:" + accepted + "%")).as("a text and an inbox message").isEqualTo(2);
		assertThat(count("reporter-%:" + refused + "%")).isEqualTo(2);
	}

	@Test
	void sendsNoSecondTextToTheApplicantsPhoneAndNothingToThoseWhoRegisterForOthers() {
		// He reports his own household's trouble, with his own phone as the reporter's.
		String himself = report(reporter, "多杰", phone(), own);
		// A colleague who gave no number hears in his inbox only.
		Visitor quiet = StaffFixtures.signedIn(port,
				staff.active(new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER));
		String noPhone = report(quiet, "拉毛", phone(), null);
		// A clerk registers a request for a caller: the caller hears, the clerk does not.
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		String forCaller = IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests", """
				{"channel": "WINDOW", "urgency": "NORMAL", "reporterRelation": "SELF", "reporterPhone": "%s",
				 "subjectName": "索南", "village": "%s", "description": "家中失火", "causes": ["FIRE"]}"""
			.formatted(phone(), VILLAGE)));
		for (String number : new String[] { himself, noPhone, forCaller }) {
			assertThat(township.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "").status())
				.isEqualTo(200);
		}

		await().atMost(Duration.ofSeconds(20))
			.until(() -> body("accepted:" + himself) != null && body("reporter-accepted:" + noPhone + ":inbox") != null
					&& body("accepted:" + forCaller) != null);
		assertThat(recipient("accepted:" + himself)).as("the applicant's message reaches his phone").isEqualTo(own);
		assertThat(body("reporter-accepted:" + himself)).as("no second text to the same phone").isNull();
		assertThat(body("reporter-accepted:" + himself + ":inbox")).isNotNull();
		assertThat(body("reporter-accepted:" + noPhone)).as("no phone, no text").isNull();
		assertThat(count("reporter-%:" + forCaller + "%")).as("nothing to the clerk").isZero();
	}

	private void givesHisNumber(Visitor reporter, String phone) {
		reporter.get("/account");
		assertThat(reporter.post("/account/phone", Map.of("phone", "")).status()).isEqualTo(200);
		Page refused = reporter.post("/account/phone", Map.of("phone", "12345"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"phone-problem\"").contains("电话号码格式不正确");
		Page saved = reporter.post("/account/phone", Map.of("phone", phone.substring(0, 3) + " " + phone.substring(3)));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).contains("已保存").contains(phone.substring(0, 3) + "****" + phone.substring(7))
			.doesNotContain(phone);
	}

	private static String report(Visitor reporter, String name, String subjectPhone, String reporterPhone) {
		Page received = reporter.json("POST", "/api/v1/help-requests", """
				{"channel": "FIELD_REPORT", "urgency": "URGENT", "reporterRelation": "VILLAGE_WORKER",
				 "reporterPhone": %s, "subjectName": "%s", "subjectPhone": "%s", "village": "%s",
				 "description": "牧场受灾，牲畜死亡过半", "causes": ["OTHER"]}"""
			.formatted(reporterPhone == null ? "null" : "\"" + reporterPhone + "\"", name, subjectPhone, VILLAGE));
		assertThat(received.status()).as(received.body()).isEqualTo(201);
		return IntakeTests.numberOf(received);
	}

	private String body(String key) {
		return jdbc.sql("select body from notify_message where source_key = :k")
			.param("k", key)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String recipient(String key) {
		return sealer.open(jdbc.sql("select recipient_sealed from notify_message where source_key = :k")
			.param("k", key)
			.query(String.class)
			.single(), Outbox.PHONE);
	}

	private long count(String keys) {
		return jdbc.sql("select count(*) from notify_message where source_key like :k")
			.param("k", keys)
			.query(Long.class)
			.single();
	}

	private static String phone() {
		return "1349740" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}

}
