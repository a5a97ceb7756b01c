package org.jijinan.intake;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium, without signing in: someone applies for help on a phone, gets a number, and follows it with the
 * number and the phone given.
 */
@SystemTest
class PublicApplicationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PublicLimits limits;

	@Test
	void anApplicantAppliesAndFollowsTheRequest() throws Exception {
		limits.reset();
		try (Browser browser = Browser.start(port)) {
			// The one address a member of the public types, or reaches from the county's site or a poster.
			browser.open("/");
			browser.waitFor(By.id("public-home"));
			assertThat(browser.pageText()).contains("12349").contains("工作人员登录");
			browser.click("我要申请救助");
			assertThat(browser.driver().findElement(By.id("reporterName")).isDisplayed())
				.as("the reporter's own fields only for someone reporting another person").isFalse();
			browser.fill("需要帮助的人的姓名", "仁青");
			browser.fill("能联系到他（她）的电话", "1370974777");
			browser.choose("所在村（社区）", "倒淌河东村（演示）");
			browser.tick("自然灾害");
			browser.fill("情况说明", "雪灾压垮了羊圈和房屋");
			browser.click("提交");
			assertThat(browser.text(By.id("phone-problem"))).contains("电话号码不对");
			assertThat(browser.valueOf("需要帮助的人的姓名")).isEqualTo("仁青");
			assertThat(browser.valueOf("情况说明")).isEqualTo("雪灾压垮了羊圈和房屋");
			assertThat(browser.valueOf("所在村（社区）")).isEqualTo(IntakeTests.DAOTANGHE_VILLAGE);
			assertThat(browser.driver().findElement(By.cssSelector("input[name=causes][value=NATURAL_DISASTER]"))
				.isSelected()).as("the ticked cause kept").isTrue();
			browser.fill("能联系到他（她）的电话", "13709747777");
			browser.click("提交");

			String number = browser.text(By.id("public-number"));
			assertThat(number).matches("JJN-\\d{8}-\\d{6}");
			browser.screenshot("public-received");

			browser.click("查询办理进度");
			browser.fill("编号", number);
			browser.fill("登记时留下的电话", "13709747777");
			browser.click("查询");
			assertThat(browser.text(By.id("follow-status"))).isEqualTo("已登记，待受理");
			assertThat(browser.text(By.tagName("body"))).doesNotContain("雪灾").doesNotContain("13709747777");
			Journeys.record("public", "a villager applies from the public home, refused once, and follows the request",
					browser);
		}
	}

}
