package org.jijinan.intake;

import java.time.Duration;
import java.util.List;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.relief.PaymentFixtures;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * A villager who reads Tibetan and knows only the name of her village scans the poster's code on a 390 px phone,
 * asks for help in Tibetan because her life is in danger, is texted in Tibetan at every step, and follows her
 * request until the money arrives. Staff act through the API, as they would from their own pages.
 */
@SystemTest
class TibetanApplicantJourneyBrowserTests {

	static final String VILLAGE = "632521101201";

	static final DivisionCode TOWNSHIP = new DivisionCode("632521101");

	@LocalServerPort
	int port;

	@Autowired
	PublicLimits limits;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aVillagerAsksInTibetanAndIsToldEachStepUntilTheMoneyArrives() throws Exception {
		limits.reset();
		String phone = "1390974" + String.format("%04d", System.nanoTime() % 10_000);
		try (Browser villager = Browser.start(port, 390, 844)) {
			// The poster's QR code opens the form with her village chosen.
			villager.open("/public/apply?village=" + VILLAGE);
			villager.click("བོད་ཡིག");
			assertThat(villager.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("bo");
			assertThat(villager.valueOf("གནས་སའི་གྲོང་ཚོ།")).as("the village of the poster").isEqualTo(VILLAGE);
			villager.fill("རོགས་རམ་དགོས་མཁན་གྱི་མིང་།", "卓玛");
			villager.fill("ཁོ་མོ་དང་འབྲེལ་བ་བྱེད་ཐུབ་པའི་ཁ་པར།", "139097");
			villager.tick("སྲོག་ལ་ཉེན་ཁ་ཡོད།");
			villager.tick("མེ་སྐྱོན།");
			villager.fill("གནས་ཚུལ་གསལ་བཤད།", "ཁྱིམ་ལ་མེ་སྐྱོན་བྱུང་། སྡོད་ས་མེད།");
			villager.click("འབུལ།");
			// Refused in her language beside the field, nothing she typed lost.
			assertThat(villager.text(By.id("phone-problem"))).contains("རོགས་རམ་དགོས་མཁན་གྱི་ཁ་པར་ཨང་གྲངས་ནོར་འདུག");
			assertThat(villager.valueOf("གནས་ཚུལ་གསལ་བཤད།")).isEqualTo("ཁྱིམ་ལ་མེ་སྐྱོན་བྱུང་། སྡོད་ས་མེད།");
			assertThat(villager.driver().findElement(By.cssSelector("input[name=urgent][value=LIFE_AT_RISK]"))
				.isSelected()).isTrue();
			theTibetanTextIsDrawnWithTheShippedFont(villager);
			villager.fill("ཁོ་མོ་དང་འབྲེལ་བ་བྱེད་ཐུབ་པའི་ཁ་པར།", phone);
			villager.click("འབུལ།");
			String number = villager.text(By.id("public-number"));
			assertThat(villager.pageText()).contains("ཁྱེད་ཀྱི་རེ་ཞུ་འབྱོར་སོང་།");

			assertThat(jdbc.sql("select urgency || ' ' || language || ' ' || urgent_needs from intake_help_request where number = :n")
				.param("n", number)
				.query(String.class)
				.single()).as("an emergency, in Tibetan").isEqualTo("EMERGENCY TIBETAN LIFE_AT_RISK");
			assertThat(sms("received:" + number)).contains(number).contains("ཁྱེད་ཀྱི་རེ་ཞུ་ཐོ་འགོད་བྱས་ཟིན");

			String paidAmount = theTownshipActs(number);

			assertThat(sms("accepted:" + number)).contains("ངོས་ལེན་བྱས་ཟིན").contains("测试人员");
			assertThat(sms("emergency-aid:" + number + ":%")).contains("སྔོན་ཐོན་རོགས་རམ").contains("1500")
				.contains("རོགས་རམ་དངོས་པོ་ཤང་གི་ཞབས་ཞུའི་ལྟེ་གནས་སུ་ལེན་རོགས");
			assertThat(sms("paid:" + number + ":%")).contains(paidAmount).contains("ཁྱེད་ཀྱི་རྩིས་ཁྲར་སྤྲད་ཟིན");
			villager.click("ལས་དོན་འཕེལ་རིམ་འཚོལ་བ།");
			villager.fill("ཨང་གྲངས།", " " + number.toLowerCase(java.util.Locale.ROOT).replace("-2", "- 2"));
			villager.fill("ཐོ་འགོད་སྐབས་བཞག་པའི་ཁ་པར།", phone);
			villager.click("འཚོལ།");
			List<String> steps = villager.driver()
				.findElements(By.cssSelector("#follow-progress li"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(steps).as(villager.pageText()).hasSize(5);
			assertThat(steps.get(0)).contains("ཐོ་འགོད་བྱས་ཟིན");
			assertThat(steps.get(1)).contains("ངོས་ལེན་བྱས་ཟིན");
			assertThat(steps.get(2)).contains("སྔོན་ཐོན་རོགས་རམ").contains("1500");
			assertThat(steps.get(3)).contains("ཆོག་མཆན་ཐོབ་ཟིན").contains(paidAmount);
			assertThat(steps.get(4)).contains("ཁྱེད་ཀྱི་རྩིས་ཁྲར་སྤྲད་ཟིན").contains(paidAmount);
			assertThat(villager.pageText()).as("no name or number she did not give").doesNotContain("6228480086")
				.doesNotContain("卓玛");
			Journeys.record("public-tibetan",
					"a villager scans a poster, asks in Tibetan (refused once), and follows until paid", villager);
		}
	}

	/**
	 * The township accepts, grants emergency aid, and later approves temporary assistance, which the bank pays.
	 * @return the amount paid
	 */
	private String theTownshipActs(String number) {
		var staff = StaffFixtures.from(context);
		Opened reviewerAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor reviewer = StaffFixtures.signedIn(port, reviewerAccount);
		Opened colleagueAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Visitor colleague = StaffFixtures.signedIn(port, colleagueAccount);
		Visitor approver = StaffFixtures.signedIn(port,
				staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		assertThat(county.json("POST", "/api/v1/reserve-funds/" + TOWNSHIP.value() + "/top-ups",
				"{\"amount\": 5000, \"reference\": \"DTH-" + System.nanoTime() + "\", \"note\": \"县民政局拨付备用金\"}")
			.status()).isEqualTo(200);
		Page accepted = reviewer.json("POST", "/api/v1/help-requests/" + number + "/acceptance", "");
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		String caseNumber = accepted.body().replaceAll("(?s).*\"caseNumber\":\"(JJC-[0-9-]+)\".*", "$1");
		Page granted = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/emergency-aid", """
				{"cause": "FIRE", "amount": 1500, "goods": "棉被 2 床", "situation": "房屋烧毁，当天核实"}""");
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		CaseFixtures.linkedToNewPerson(reviewer, caseNumber);
		assertThat(reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/transitions", "{\"to\": \"INVESTIGATING\"}")
			.status()).isEqualTo(200);
		CaseFixtures.confirmedVisit(reviewer, colleague, colleagueAccount, caseNumber);
		Page proposed = reviewer.json("POST", "/api/v1/cases/" + caseNumber + "/decisions", """
				{"cause": "FIRE", "band": "一档", "persons": 3, "urban": false, "cashAmount": 2400,
				 "payeeName": "卓玛", "payeeAccount": "6228480086011113333", "payeeBank": "中国农业银行共和县支行"}""");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		String decision = idOf(proposed);
		assertThat(colleague.json("POST", "/api/v1/decisions/" + decision + "/review", "").status()).isEqualTo(200);
		assertThat(approver.json("POST", "/api/v1/decisions/" + decision + "/approval", "").status()).isEqualTo(200);
		Page batch = approver.json("POST", "/api/v1/payment-batches", "");
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		String order = approver.get("/api/v1/decisions/" + decision + "/payment-orders")
			.body()
			.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
		assertThat(PaymentFixtures.bankResults(approver, idOf(batch),
				"order,result,bank_reference,reason\n" + order + ",PAID,B" + System.nanoTime() + ",\n").status())
			.isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
				select count(*) from notify_applicant_milestone where request_number = :n and kind = 'PAID'""")
			.param("n", number)
			.query(Long.class)
			.single() == 1);
		return "2400";
	}

	/**
	 * Chromium on the test machine has no Tibetan font of its own: the page draws Tibetan with the font the platform
	 * ships, once it is loaded, and a Tibetan word is wider than nothing (no missing-glyph boxes of zero width).
	 */
	private static void theTibetanTextIsDrawnWithTheShippedFont(Browser browser) {
		Object loaded = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				document.fonts.load('16px "Noto Serif Tibetan"', 'བོད').then(() => document.fonts.ready).then(() => {
				  const faces = [...document.fonts].filter(f => f.family.replaceAll('"', '') === 'Noto Serif Tibetan'
				      && f.status === 'loaded');
				  const canvas = document.createElement('canvas').getContext('2d');
				  canvas.font = '32px "Noto Serif Tibetan", monospace';
				  const shipped = canvas.measureText('བཀྲ་ཤིས').width;
				  canvas.font = '32px monospace';
				  const fallback = canvas.measureText('བཀྲ་ཤིས').width;
				  done((faces.length > 0) + ' ' + document.fonts.check('16px "Noto Serif Tibetan"', 'བོད') + ' '
				      + (shipped !== fallback));
				});""");
		assertThat(loaded).as("faces loaded, check, drawn differently from the fallback").isEqualTo("true true true");
	}

	private String sms(String key) {
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from notify_message where source_key like :k")
			.param("k", key)
			.query(Long.class)
			.single() == 1);
		return jdbc.sql("select body from notify_message where source_key like :k and channel = 'SMS'")
			.param("k", key)
			.query(String.class)
			.single();
	}

}
