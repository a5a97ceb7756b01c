package org.jijinan.people;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a clerk uploads a roster, watches the progress bar reach the end, downloads nothing yet, then finds
 * one of the imported persons by ID number and sees the number masked.
 */
@SystemTest
class RosterBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void clerkImportsARosterWatchesTheProgressAndFindsAnImportedPerson() throws Exception {
		var clerk = StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		List<String> numbers = RosterImportTests.numbers(600);
		StringBuilder csv = new StringBuilder(RosterImportTests.HEADER);
		for (int i = 0; i < numbers.size(); i++) {
			csv.append(RosterImportTests.row("浏览器" + i, numbers.get(i), "", PeopleTests.VILLAGE, "藏族"));
		}
		csv.append(RosterImportTests.row("坏行", "63252119990101001", "", PeopleTests.VILLAGE, ""));
		Path file = Files.createTempFile("roster", ".csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);

		try (Browser browser = Browser.start(port, 1366, 900)) {
			Journeys.signIn(browser, clerk);
			browser.click("名册导入");
			browser.attach("文件", file);
			browser.fill("来源", "浏览器测试名册");
			browser.click("上传并导入");

			browser.waitFor(By.id("import-progress"));
			browser.waitForText(By.id("import-status"), "已完成");
			assertThat(browser.text(By.id("import-added"))).isEqualTo("600");
			assertThat(browser.text(By.id("import-failed"))).isEqualTo("1");
			assertThat(browser.text(By.id("import-percent"))).isEqualTo("100%");
			assertThat(browser.driver().findElement(By.id("import-report")).getAttribute("href")).endsWith("/report");
			browser.screenshot("roster-import-done");

			browser.click("人员");
			browser.fill("公民身份号码", numbers.get(123));
			browser.click("查找");
			browser.waitFor(By.id("results"));
			assertThat(browser.text(By.id("results"))).contains("浏览器123").doesNotContain(numbers.get(123))
				.contains(numbers.get(123).substring(0, 3) + "***********" + numbers.get(123).substring(14));
			assertThat(browser.driver().getCurrentUrl()).doesNotContain(numbers.get(123));
			browser.screenshot("person-search");
			Journeys.record("roster", "window clerk imports a roster and finds an imported person", browser);
		}
	}

}
