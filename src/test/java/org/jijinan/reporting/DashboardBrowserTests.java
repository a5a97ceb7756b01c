package org.jijinan.reporting;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * In Chromium, at a phone's size: a family gets emergency aid on a real case, and the county leader, signed in and
 * clicking only what the pages show, opens the dashboard from the menu, chooses this month and the county, sees the
 * case counted as aided — the dashboard is fed by the platform's own events — with its charts, and exports the
 * tables to Excel.
 */
@SystemTest
class DashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theLeaderSeesHowFastPeopleGetHelpAndExportsIt() throws Exception {
		var staff = StaffFixtures.from(context);
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor officer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		Opened leader = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER);
		Visitor leaderApi = StaffFixtures.signedIn(port, leader);
		String month = YearMonth.now(context.getBean(Clock.class)).toString();
		long aidedBefore = aided(leaderApi, month);

		String number = CaseFixtures.acceptedCase(clerk, officer, """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterName": "邻居", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "13909746666", "subjectName": "卓玛", "village": "632521101201",
				 "description": "夜间失火，房屋烧毁", "causes": ["FIRE"]}""");
		assertThat(county.json("POST", "/api/v1/reserve-funds/632521101/top-ups",
				"{\"amount\": 3000, \"reference\": \"BYJ-%s\", \"note\": \"拨付备用金\"}".formatted(UUID.randomUUID()))
			.status()).isEqualTo(200);
		assertThat(officer.json("POST", "/api/v1/cases/" + number + "/emergency-aid", """
				{"cause": "FIRE", "amount": 800, "situation": "房屋夜间失火，一家人无处安身"}""").status()).isEqualTo(201);
		await().atMost(Duration.ofSeconds(30)).until(() -> aided(leaderApi, month) == aidedBefore + 1);

		try (Browser browser = Browser.start(port)) {
			Journeys.signIn(browser, leader);
			browser.click("统计分析");
			browser.fill("起始月份", month);
			browser.fill("截止月份", month);
			browser.choose("地区", "共和县");
			browser.click("查询");
			assertThat(browser.text(By.id("total-aided"))).as("this month's aided cases")
				.isEqualTo(String.valueOf(aidedBefore + 1));
			assertThat(browser.text(By.id("total-median"))).matches("\\d+ (分钟|小时|天)以内");
			for (String chart : new String[] { "township-chart", "month-chart", "urgency-chart", "channel-chart",
					"amount-chart" }) {
				browser.waitFor(By.cssSelector("#" + chart + " svg"));
				assertThat(browser.driver().findElements(By.cssSelector("#" + chart + " svg path")))
					.as(chart + " draws something")
					.isNotEmpty();
			}
			assertThat(browser.text(By.id("township-table"))).contains("倒淌河镇");
			assertThat(browser.text(By.id("amounts-table"))).contains("先行救助");
			assertThat(browser.text(By.id("urgency-table"))).as("the case was an emergency").contains("紧急");
			browser.screenshot("dashboard");

			browser.click("导出 Excel");
			Path workbook = await().atMost(Duration.ofSeconds(20))
				.until(() -> latestXlsx(browser.downloads()), path -> path != null);
			try (var book = new XSSFWorkbook(Files.newInputStream(workbook))) {
				assertThat(book.getSheet("按乡镇").getRow(0).getCell(0).getStringCellValue())
					.startsWith("共和县按乡镇（" + month + " 至 " + month);
				assertThat(book.getSheet("按乡镇").getRow(1).getCell(0).getStringCellValue()).isEqualTo("乡镇");
				assertThat(book.getSheet("按乡镇").getRow(2).getCell(3).getNumericCellValue())
					.isEqualTo(aidedBefore + 1);
				assertThat(book.getSheet("各项救助")).isNotNull();
			}
			Journeys.record("leader", "leader reads this month's dashboard for the county and exports it", browser);
		}
	}

	private static long aided(Visitor leader, String month) {
		String body = leader.get("/api/v1/dashboard?from=" + month + "&to=" + month).body();
		return Long.parseLong(body.replaceAll("(?s).*?\"total\":\\{[^}]*?\"aided\":(\\d+).*", "$1"));
	}

	private static Path latestXlsx(Path downloads) throws java.io.IOException {
		try (var files = Files.list(downloads)) {
			return files.filter(file -> file.toString().endsWith(".xlsx")).findFirst().orElse(null);
		}
	}

}
