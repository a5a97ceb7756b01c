package org.jijinan.intake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Those who report follow through, on a 390 px phone and by clicking only what they see: a village reporter reports
 * two people and gives his own number; the township accepts the first, an emergency, grants emergency aid and later
 * closes the case, and refuses the second with a reason. Signed in again, the reporter is told on his home page that
 * his reports have news, and reads that aid was given — never how much — and why the other was refused; a text
 * message told him of each decision.
 */
@SystemTest
class ReporterJourneyBrowserTests {

	static final DivisionCode TOWNSHIP = new DivisionCode("632521402");

	static final String VILLAGE = "632521402901";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVillageReporterReportsAndLaterSeesOnHisPhoneThatAidWasGiven() throws Exception {
		TestVillages.ensure(context, VILLAGE, "巴卡台一村", "632521402902", "巴卡台二村");
		var staff = StaffFixtures.from(context);
		Opened reporter = staff.named("村干部多吉", new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE,
				Role.VILLAGE_REPORTER);
		String ownPhone = phone();
		String sick;
		String burnt;
		try (Browser phone = Browser.start(port)) {
			Journeys.signIn(phone, reporter);
			sick = report(phone, true, "独居老人卓玛", "突发重大疾病", "老人突发中风，家中无人照看");
			burnt = report(phone, false, "牧民贡保", "火灾", "帐篷失火，衣物被褥全部烧毁");
			phone.click("我报告的");
			assertThat(card(phone, sick).getText()).contains("独居老人卓玛").contains("待受理");
			phone.click("填写手机号");
			phone.fill("手机号（留空保存即删除）", ownPhone);
			phone.click("保存手机号");
			assertThat(phone.text(By.id("phone-current"))).contains(ownPhone.substring(7))
				.doesNotContain(ownPhone);
			Journeys.record("phone", "village reporter reports two people and gives his number", phone);
		}

		Visitor township = StaffFixtures.signedIn(port, staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT,
				Role.TOWNSHIP_REVIEWER, Role.TOWNSHIP_APPROVER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		String caseNumber = acceptedWithAidAndClosed(township, county, TOWNSHIP, sick);
		assertThat(township.json("POST", "/api/v1/help-requests/" + burnt + "/refusal",
				"{\"reason\": \"经核实已由亲属安置，生活无困难\"}").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20)).until(() -> texts(ownPhone) == 2);

		try (Browser phone = Browser.start(port)) {
			Journeys.signIn(phone, reporter);
			assertThat(phone.pageText()).as("the home page tells him of the news").containsPattern(
					"我报告的求助有了新结果\\s*2");
			phone.click("我报告的求助有了新结果");
			String aided = card(phone, sick).getText();
			assertThat(aided).contains("独居老人卓玛").contains("已受理").contains("已给予救助").contains("已办结")
				.contains("有新结果");
			assertThat(aided).as("no amount, no case number").doesNotContain("800.00").doesNotContain("元")
				.doesNotContain(caseNumber);
			assertThat(card(phone, burnt).getText()).contains("不予受理").contains("理由：经核实已由亲属安置，生活无困难")
				.doesNotContain("已给予救助");
			List<String> order = phone.driver()
				.findElements(By.cssSelector("#my-reports li"))
				.stream()
				.map(item -> item.getAttribute("data-number"))
				.toList();
			assertThat(order).as("newest first").containsSubsequence(burnt, sick);
			phone.screenshot("my-reports");

			phone.click("首页");
			assertThat(phone.pageText()).as("read, the news is no longer news").doesNotContain("我报告的求助有了新结果");
			phone.click("我报告的");
			assertThat(card(phone, sick).getText()).contains("已给予救助").doesNotContain("有新结果");
			phone.click("查看报告内容");
			assertThat(phone.text(By.id("my-report"))).contains("牧民贡保").contains("不予受理");
			assertThat(phone.pageText()).contains("帐篷失火，衣物被褥全部烧毁");
			Journeys.record("phone", "village reporter reads what became of his reports", phone);
		}
	}

	/** Sends a field report from the form as the reporter would, and reads its number off the confirmation. */
	private static String report(Browser phone, boolean emergency, String name, String cause, String situation) {
		phone.click("现场报告");
		if (emergency) {
			phone.tick("紧急（生命安全受到威胁）");
		}
		phone.fill("姓名", name);
		phone.fill("联系电话", phone());
		phone.tick(cause);
		phone.fill("情况说明", situation);
		phone.click("发送报告");
		phone.waitFor(By.id("field-number"));
		return phone.text(By.id("field-number"));
	}

	private static WebElement card(Browser phone, String number) {
		return phone.driver().findElement(By.cssSelector("#my-reports li[data-number='" + number + "']"));
	}

	/**
	 * The township accepts, grants emergency aid from its reserve (topped up by the county), and takes the case to
	 * its end.
	 * @return the case's number
	 */
	static String acceptedWithAidAndClosed(Visitor township, Visitor county, DivisionCode area, String request) {
		Page accepted = township.json("POST", "/api/v1/help-requests/" + request + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		String caseNumber = accepted.body().replaceAll("(?s).*\"caseNumber\":\"(JJC-[0-9-]+)\".*", "$1");
		assertThat(county.json("POST", "/api/v1/reserve-funds/" + area.value() + "/top-ups",
				"{\"amount\": 5000, \"reference\": \"BYJ-" + System.nanoTime() + "\", \"note\": \"县民政局拨付备用金\"}")
			.status()).isEqualTo(200);
		Page granted = township.json("POST", "/api/v1/cases/" + caseNumber + "/emergency-aid",
				"{\"cause\": \"SUDDEN_SERIOUS_ILLNESS\", \"amount\": 800, \"situation\": \"当天入户核实，无人照看\"}");
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		for (String to : List.of("INVESTIGATING", "AWAITING_DECISION", "DECIDED")) {
			Page moved = township.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"" + to + "\"}");
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		}
		Page closed = township.json("POST", "/api/v1/cases/" + caseNumber + "/transitions",
				"{\"to\": \"CLOSED\", \"note\": \"老人已由亲属接回照料，危机解除\"}");
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		return caseNumber;
	}

	private long texts(String phone) {
		return jdbc.sql("""
				select count(*) from notify_message
				 where channel = 'SMS' and recipient_masked = :masked and source_key like 'reporter-%'""")
			.param("masked", phone.substring(0, 3) + "****" + phone.substring(7))
			.query(Long.class)
			.single();
	}

	static String phone() {
		return "1369740" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}

}
