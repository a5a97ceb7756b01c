package org.jijinan.intake;

import org.jijinan.Browser;
import org.jijinan.SystemTest;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.chromium.HasNetworkConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium on a phone-sized window: a village reporter's report survives a dropped connection and a reload as a
 * draft, and sending it again once online registers it exactly once.
 */
@SystemTest
class FieldReportBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void keepsTheDraftWhileOfflineAndRegistersItOnceWhenBackOnline() throws Exception {
		var reporter = StaffFixtures.from(context)
			.active(new DivisionCode("632521100201"), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER);
		long before = count();
		try (Browser browser = Browser.start(port)) {
			browser.signIn(reporter.username(), StaffFixtures.PASSWORD);
			browser.waitFor(By.id("greeting"));
			browser.open("/intake/field-report");
			browser.waitFor(By.id("field-form"));
			var driver = browser.driver();
			driver.findElement(By.id("subjectName")).sendKeys("独居老人扎西");
			driver.findElement(By.id("subjectPhone")).sendKeys("13909745555");
			new Select(driver.findElement(By.id("village"))).selectByValue("632521100202");
			driver.findElement(By.cssSelector("input[name=causes][value=SUDDEN_SERIOUS_ILLNESS]")).click();
			driver.findElement(By.id("description")).sendKeys("突发中风，独自在家");

			var offline = new ChromiumNetworkConditions();
			offline.setOffline(true);
			((HasNetworkConditions) driver).setNetworkConditions(offline);
			driver.findElement(By.id("field-submit")).click();
			browser.waitForText(By.id("field-status"), "网络不通");
			((HasNetworkConditions) driver).deleteNetworkConditions();
			assertThat(count()).isEqualTo(before);

			browser.open("/intake/field-report");
			browser.waitFor(By.id("field-form"));
			assertThat(driver.findElement(By.id("subjectName")).getAttribute("value")).isEqualTo("独居老人扎西");
			driver.findElement(By.id("field-submit")).click();
			browser.waitFor(By.id("field-number"));
			assertThat(browser.text(By.id("field-number"))).matches("JJN-\\d{8}-\\d{6}");
			browser.screenshot("field-report-sent");
		}
		assertThat(count()).isEqualTo(before + 1);
	}

	private long count() {
		return jdbc.sql("select count(*) from intake_help_request where channel = 'FIELD_REPORT'")
			.query(Long.class)
			.single();
	}

}
