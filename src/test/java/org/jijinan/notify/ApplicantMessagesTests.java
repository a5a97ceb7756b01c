package org.jijinan.notify;

import java.time.Duration;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The applicant hears about their request through the outbox: a receipt message when it is received, and the
 * written reason when it is refused; each is sent once.
 */
@SystemTest
class ApplicantMessagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sendsTheReceiptAndTheRefusalReasonToTheApplicant() {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port, staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor reviewer = StaffFixtures.signedIn(port, 
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		String body = org.jijinan.intake.IntakeTests.request("NORMAL", "13909748888", "MEDICAL_SPENDING");
		String number = org.jijinan.intake.IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests", body));

		await().atMost(Duration.ofSeconds(20)).until(() -> status("received:" + number).equals("SENT"));
		assertThat(recipient("received:" + number)).isEqualTo("139****8888");

		reviewer.json("POST", "/api/v1/help-requests/" + number + "/refusal", "{\"reason\": \"已享受同类救助，重复申请\"}");

		await().atMost(Duration.ofSeconds(20)).until(() -> status("refused:" + number).equals("SENT"));
		assertThat(jdbc.sql("select body from notify_message where source_key = :k")
			.param("k", "refused:" + number)
			.query(String.class)
			.single()).contains("已享受同类救助，重复申请").contains(number).doesNotContain("13909748888");
		assertThat(jdbc.sql("select count(*) from notify_message where source_key like :k and channel = 'SMS'")
			.param("k", "%:" + number)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from notify_message where recipient_sealed like '%13909748888%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theAcceptanceSaysWhoHandlesTheRequestAndWhichOfficeToCall() {
		var staff = StaffFixtures.from(context);
		var reviewerAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor reviewer = StaffFixtures.signedIn(port, reviewerAccount);
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		String unitPage = "/admin/units/" + reviewerAccount.unitId().value();
		admin.get(unitPage);
		var refused = admin.post(unitPage + "/office-phone", java.util.Map.of("officePhone", "8512-34"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"officePhone-problem\"").contains("value=\"8512-34\"");
		var saved = admin.post(unitPage + "/office-phone", java.util.Map.of("officePhone", " 0974-8519876 "));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body()).contains("办公电话已保存").contains("value=\"0974-8519876\"");

		String number = org.jijinan.intake.IntakeTests.numberOf(reviewer.json("POST", "/api/v1/help-requests",
				org.jijinan.intake.IntakeTests.request("NORMAL", "13909748855", "FIRE")));
		assertThat(reviewer.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(20)).until(() -> !status("accepted:" + number).equals("NONE"));
		assertThat(jdbc.sql("select body from notify_message where source_key = :k")
			.param("k", "accepted:" + number)
			.query(String.class)
			.single()).contains(number).contains("测试人员").contains("0974-8519876");
	}

	@Test
	void alertsStaffWhoseAreaCoversTheTownshipInTheirInbox() {
		var staff = StaffFixtures.from(context);
		var clerkAccount = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Visitor clerk = StaffFixtures.signedIn(port, clerkAccount);
		var daotangheAccount = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER);
		Visitor daotanghe = StaffFixtures.signedIn(port, daotangheAccount);
		daotanghe.get("/account");
		assertThat(daotanghe.post("/account/phone", java.util.Map.of("phone", "13909741234")).status()).isEqualTo(200);
		Visitor longyangxia = StaffFixtures.signedIn(port, staff.active(new org.jijinan.shared.DivisionCode("632521102"),
				UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		String number = org.jijinan.intake.IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests",
				org.jijinan.intake.IntakeTests.request("EMERGENCY", "13909748877", "FIRE")));

		await().atMost(Duration.ofSeconds(20)).until(() -> daotanghe.get("/inbox").body().contains(number));

		assertThat(daotanghe.get("/inbox").body()).contains("紧急求助").contains("测试人员").doesNotContain(clerkAccount.username());
		assertThat(county.get("/inbox").body()).contains(number);
		assertThat(longyangxia.get("/inbox").body()).doesNotContain(number);
		// An emergency is texted at once to the township's staff who gave their number.
		await().atMost(Duration.ofSeconds(20))
			.until(() -> status("alert-emergency:" + number + ":" + daotangheAccount.username()).equals("SENT"));
		assertThat(recipient("alert-emergency:" + number + ":" + daotangheAccount.username())).isEqualTo("139****1234");
		String normal = org.jijinan.intake.IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests",
				org.jijinan.intake.IntakeTests.request("NORMAL", "13909748866", "FIRE")));
		await().atMost(Duration.ofSeconds(20)).until(() -> daotanghe.get("/inbox").body().contains(normal));
		assertThat(jdbc.sql("select count(*) from notify_message where source_key like :k")
			.param("k", "alert-emergency:" + normal + "%")
			.query(Long.class)
			.single()).as("an ordinary request waits for the inbox").isZero();
	}

	/**
	 * A recipient no key opens (altered, or sealed with a retired key) fails its message at once: before, it failed the
	 * whole batch at every round, and every message queued behind it waited for ever.
	 */
	@Test
	void aMessageWhoseRecipientCannotBeOpenedFailsAloneAndTheRestAreSent() {
		String poison = "unopenable:" + java.util.UUID.randomUUID();
		jdbc.sql("""
				insert into notify_message (id, source_key, recipient_sealed, recipient_masked, channel, body, status,
				                            next_attempt_at, created_at)
				values (gen_random_uuid(), :key, 'v1:bm90IGEgc2VhbGVkIHZhbHVl', '139****0000', 'SMS', '您的求助已受理',
				        'PENDING', now() - interval '1 hour', now())""")
			.param("key", poison)
			.update();
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		try {
			String number = org.jijinan.intake.IntakeTests.numberOf(clerk.json("POST", "/api/v1/help-requests",
					org.jijinan.intake.IntakeTests.request("NORMAL", "13909748844", "FIRE")));

			await().atMost(Duration.ofSeconds(20)).until(() -> status("received:" + number).equals("SENT"));
			assertThat(status(poison)).isEqualTo("FAILED");
			assertThat(jdbc.sql("select last_error from notify_message where source_key = :k")
				.param("k", poison)
				.query(String.class)
				.single()).isEqualTo("the recipient cannot be opened");
		}
		finally {
			// Tests sharing this platform open every sealed value in its database (key rotation).
			jdbc.sql("delete from notify_message where source_key = :k").param("k", poison).update();
		}
	}

	@Test
	void backsOffLongerAfterEachFailure() {
		assertThat(Dispatcher.backOff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Dispatcher.backOff(2)).isEqualTo(Duration.ofMinutes(5));
		assertThat(Dispatcher.backOff(3)).isEqualTo(Duration.ofMinutes(30));
		assertThat(Dispatcher.backOff(5)).isEqualTo(Duration.ofHours(1));
	}

	private String status(String key) {
		return jdbc.sql("select status from notify_message where source_key = :k")
			.param("k", key)
			.query(String.class)
			.optional()
			.orElse("NONE");
	}

	private String recipient(String key) {
		return jdbc.sql("select recipient_masked from notify_message where source_key = :k")
			.param("k", key)
			.query(String.class)
			.single();
	}


}
