package org.jijinan.intake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.region.TestVillages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A villager scans a poster's QR code with a 390 px phone: the form opens with the village already chosen and is sent
 * as it is. A link whose village is retired, unknown or no village at all opens the same form with the choice left
 * to the person and a note saying why — never an error page.
 */
@SystemTest
class PosterLinkBrowserTests {

	static final String NOTE = "二维码里的村（社区）已调整或不存在，请在下面选择您所在的村（社区）。";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	PublicLimits limits;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void villages() {
		limits.reset();
		TestVillages.ensure(context, VillagePosterBrowserTests.COMMUNITY, "龙羊峡海报社区");
		TestVillages.retired(context, VillagePosterBrowserTests.RETIRED, "龙羊峡旧村", "2020-12-31");
	}

	@Test
	void aPostersLinkOpensTheFormWithTheVillageChosenAndItIsSent() throws Exception {
		try (Browser phone = Browser.start(port)) {
			phone.open("/public/apply?village=" + VillagePosterBrowserTests.COMMUNITY);
			phone.waitFor(By.id("public-form"));
			phone.journey().check(phone.driver(), "/public/apply?village=");
			assertThat(phone.text(By.cssSelector("#village option:checked"))).isEqualTo("龙羊峡海报社区");
			assertThat(phone.driver().findElement(By.cssSelector("#village option:checked")).findElement(By.xpath(".."))
				.getAttribute("label")).as("in its township").isEqualTo("龙羊峡镇");
			assertThat(phone.driver().findElements(By.id("village-note"))).isEmpty();

			phone.fill("需要帮助的人的姓名", "多杰");
			phone.fill("能联系到他（她）的电话", "13709741234");
			phone.tick("突发重大疾病");
			phone.fill("情况说明", "家中老人突发脑梗住院，无力支付费用");
			phone.click("提交");
			String number = phone.text(By.id("public-number"));
			assertThat(number).matches("JJN-\\d{8}-\\d{6}");
			assertThat(jdbc.sql("select village from intake_help_request where number = ?")
				.param(number)
				.query(String.class)
				.single()).isEqualTo(VillagePosterBrowserTests.COMMUNITY);
			Journeys.record("public", "a villager scans a poster and sends the form with the village chosen", phone);
		}
	}

	@Test
	void aRetiredVillageInTheLinkLeavesTheChoiceWithANote() throws Exception {
		try (Browser phone = Browser.start(port)) {
			phone.open("/public/apply?village=" + VillagePosterBrowserTests.RETIRED);
			phone.waitFor(By.id("village-note"));
			phone.journey().check(phone.driver(), "/public/apply?village=");
			assertThat(phone.text(By.id("village-note"))).isEqualTo(NOTE);
			assertThat(phone.valueOf("所在村（社区）")).as("nothing chosen").isEmpty();
			assertThat(phone.pageText()).doesNotContain("龙羊峡旧村");
			Journeys.record("public", "a villager scans a poster of a retired village", phone);
		}
	}

	@Test
	void anyOtherValueInTheLinkOpensTheFormWithTheNote() {
		List<String> values = List.of(VillagePosterBrowserTests.RETIRED, "999999999999", "632521102",
				VillagePosterBrowserTests.COMMUNITY + "0", " " + VillagePosterBrowserTests.COMMUNITY, "", "abc",
				"<script>alert(1)</script>", "' or '1'='1", "../../etc/passwd", "\u0000", "龙羊峡海报社区",
				"9".repeat(2000));
		Visitor visitor = new Visitor(port);
		for (String value : values) {
			Page page = visitor.get("/public/apply?village=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
			assertThat(page.status()).as(value).isEqualTo(200);
			assertThat(page.body()).as(value)
				.contains("id=\"public-form\"")
				.contains(NOTE)
				.doesNotContain("selected=\"selected\"")
				.doesNotContain("<script>alert(1)");
		}
		assertThat(visitor.get("/public/apply?village=" + VillagePosterBrowserTests.COMMUNITY + "&village=x").status())
			.as("twice").isEqualTo(200);
	}

}
