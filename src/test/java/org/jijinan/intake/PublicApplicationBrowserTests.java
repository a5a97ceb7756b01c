package org.jijinan.intake;

import org.jijinan.Browser;
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
			browser.open("/public/apply");
			browser.waitFor(By.id("public-form"));
			var driver = browser.driver();
			driver.findElement(By.id("name")).sendKeys("仁青");
			driver.findElement(By.id("phone")).sendKeys("13709747777");
			driver.findElement(By.id("village")).sendKeys(IntakeTests.DAOTANGHE_VILLAGE);
			driver.findElement(By.cssSelector("input[name=causes][value=NATURAL_DISASTER]")).click();
			driver.findElement(By.id("description")).sendKeys("雪灾压垮了羊圈和房屋");
			driver.findElement(By.id("public-submit")).click();

			browser.waitFor(By.id("public-number"));
			String number = browser.text(By.id("public-number"));
			assertThat(number).matches("JJN-\\d{8}-\\d{6}");
			browser.screenshot("public-received");

			browser.open("/public/follow");
			browser.waitFor(By.id("follow-form"));
			driver.findElement(By.id("number")).sendKeys(number);
			driver.findElement(By.id("phone")).sendKeys("13709747777");
			driver.findElement(By.id("follow-submit")).click();
			browser.waitFor(By.id("follow-status"));
			assertThat(browser.text(By.id("follow-status"))).isEqualTo("已登记，待受理");
			assertThat(browser.text(By.tagName("body"))).doesNotContain("雪灾").doesNotContain("13709747777");
		}
	}

}
