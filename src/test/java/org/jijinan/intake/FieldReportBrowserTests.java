package org.jijinan.intake;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
			Journeys.signIn(browser, reporter);
			browser.click("现场报告");
			var driver = browser.driver();
			browser.fill("姓名", "独居老人扎西");
			browser.fill("联系电话", "13909745555");
			browser.choose("村（社区）", "恰卜恰西村（演示）");
			browser.tick("突发重大疾病");
			browser.fill("情况说明", "突发中风，独自在家");

			var offline = new ChromiumNetworkConditions();
			offline.setOffline(true);
			((HasNetworkConditions) driver).setNetworkConditions(offline);
			browser.click("发送报告");
			browser.waitForText(By.id("field-status"), "网络不通");
			((HasNetworkConditions) driver).deleteNetworkConditions();
			assertThat(count()).isEqualTo(before);

			// Back online later: the reporter opens the form again and finds the report as he left it.
			browser.click("首页");
			browser.click("现场报告");
			assertThat(browser.valueOf("姓名")).isEqualTo("独居老人扎西");
			browser.click("发送报告");
			browser.waitFor(By.id("field-number"));
			assertThat(browser.text(By.id("field-number"))).matches("JJN-\\d{8}-\\d{6}");
			browser.screenshot("field-report-sent");
			Journeys.record("phone", "village reporter sends a report kept while offline", browser);
		}
		assertThat(count()).isEqualTo(before + 1);
	}

	private long count() {
		return jdbc.sql("select count(*) from intake_help_request where channel = 'FIELD_REPORT'")
			.query(Long.class)
			.single();
	}

}
