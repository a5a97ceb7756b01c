package org.jijinan.monitoring;

import java.util.UUID;

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
import org.jijinan.region.TestVillages;
import org.jijinan.relief.InsurerReports;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A household nobody reported, found from a hospital bill: the village reporter sees the warning on the home page of
 * a 390 px phone, opens it by the person's name, is told beside the field what a refused check lacks without losing
 * what was typed, and confirms the need; the township then finds the request in its queue marked as found from data,
 * opens the figures behind the warning on request, and sees the household counted on the dashboard as found by data.
 */
@SystemTest
class WarningCheckBrowserTests {

	static final String VILLAGE = "632521203913";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The county records a department's signal agreement on its page, refused first without the agreement's number
	 * (the tick kept); the department then sends a file of signals, refused first for a day that does not exist; the county then tries a
	 * stricter disaster threshold on the stored signals before saving it; a threshold that is not a number is refused
	 * beside the field with what was typed kept.
	 */
	@Test
	void theCountyTriesAStricterRuleOnPastSignalsBeforeSavingIt() throws Exception {
		TestVillages.ensure(context, VILLAGE, "铁盖预警三村");
		var staff = StaffFixtures.from(context);
		Opened administrator = staff.named("县民政局管理员", StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS,
				Role.ADMINISTRATOR);
		Visitor admin = StaffFixtures.signedIn(port, administrator);
		Opened officer = staff.named("应急管理局干部", StaffFixtures.COUNTY, UnitKind.EMERGENCY_MANAGEMENT_DEPARTMENT,
				Role.DEPARTMENT_OFFICER);
		String department = jdbc.sql("select name from identity_unit where id = :id")
			.param("id", officer.unitId().value())
			.query(String.class)
			.single();
		try (Browser desk = Browser.start(port, 1366, 900)) {
			Journeys.signIn(desk, administrator);
			desk.click("信号共享协议");
			desk.tick("灾害损失：" + department);
			desk.fill("协议文号：" + department, "");
			desk.click("保存协议：" + department);
			assertThat(Journeys.refusals(desk)).contains("请填写协议编号（2 至 100 个字符）。");
			assertThat(desk.ticked("灾害损失：" + department)).as("the tick is kept").isTrue();
			desk.fill("协议文号：" + department, "共民〔2026〕9号");
			desk.click("保存协议：" + department);
			assertThat(desk.pageText()).contains("协议已保存。");
			assertThat(desk.valueOf("协议文号：" + department)).isEqualTo("共民〔2026〕9号");
			Journeys.record("desk", "county records a department's signal agreement", desk);
		}
		String idNumber = TestIdNumbers.fresh();
		Visitor clerk = StaffFixtures.signedIn(port, staff.active(EarlyWarningTests.TOWNSHIP,
				UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		assertThat(clerk.json("POST", "/api/v1/persons", "{\"name\": \"桑杰\", \"idNumber\": \"%s\", \"residence\": \"%s\"}"
			.formatted(idNumber, VILLAGE)).status()).isEqualTo(201);
		String header = "编号,信号类型,身份证号码,发生日期,金额\r\n";
		String row = "ZQ-" + UUID.randomUUID().toString().substring(0, 8) + ",灾害损失," + idNumber + ",";
		java.nio.file.Path folder = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/signal-files"));
		java.nio.file.Path wrong = java.nio.file.Files.writeString(folder.resolve("灾情-有误.csv"),
				header + row + "2026-02-31,30000\r\n");
		java.nio.file.Path right = java.nio.file.Files.writeString(folder.resolve("灾情.csv"),
				header + row + java.time.LocalDate.now() + ",30000\r\n");
		try (Browser desk = Browser.start(port, 1366, 900)) {
			Journeys.signIn(desk, officer);
			desk.click("报送监测信号");
			desk.attach("文件（CSV 或 XLSX）", wrong);
			desk.click("上传");
			assertThat(Journeys.refusals(desk)).contains("文件未被接收：有 1 行有误。请更正后重新报送整个文件。");
			assertThat(desk.text(By.id("rows"))).isEqualTo("第 2 行：日期请写作 2026-07-03 或 2026/7/3。");
			desk.attach("文件（CSV 或 XLSX）", right);
			desk.click("上传");
			assertThat(desk.text(By.id("received"))).startsWith("已接收：新增 1 条");
			Journeys.record("desk", "a department sends a file of signals", desk);
		}
		try (Browser desk = Browser.start(port, 1366, 900)) {
			Journeys.signIn(desk, administrator);
			desk.click("预警规则");
			desk.fill("因灾损失超过（元）", "五千");
			desk.click("用历史信号试运行：灾害损失");
			assertThat(Journeys.refusals(desk)).contains("请填写 0 至 1 亿元之间的金额。");
			assertThat(desk.valueOf("因灾损失超过（元）")).isEqualTo("五千");
			desk.fill("因灾损失超过（元）", "20000");
			desk.click("用历史信号试运行：灾害损失");
			assertThat(desk.text(By.id("dry-run-result"))).matches("共判断 \\d+ 条信号：将生成 \\d+ 条预警，其中 \\d+ 户此后获得了救助。");
			assertThat(desk.valueOf("因灾损失超过（元）")).as("the tried threshold stays to be saved").isEqualTo("20000");
			desk.click("保存为新版本：灾害损失");
			assertThat(desk.pageText()).contains("规则的新版本已保存。");
			assertThat(desk.text(By.id("rule-DISASTER_DAMAGE"))).contains("起施行");
			assertThat(desk.valueOf("因灾损失超过（元）")).as("the version in force").isEqualTo("20000.00");
			Journeys.record("desk", "county tries and saves a warning rule", desk);
		}
		finally {
			admin.json("PUT", "/api/v1/monitoring-rules/DISASTER_DAMAGE", "{\"severity\": \"ORANGE\", \"threshold\": 5000}");
		}
	}

	@Test
	void theVillageReporterChecksAWarningOnAPhoneAndTheTownshipFindsTheRequest() throws Exception {
		TestVillages.ensure(context, VILLAGE, "铁盖预警三村");
		var staff = StaffFixtures.from(context);
		Opened reporter = staff.named("村救助员卓玛", new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE,
				Role.VILLAGE_REPORTER);
		Opened clerkAccount = staff.active(EarlyWarningTests.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK,
				Role.TOWNSHIP_REVIEWER);
		Visitor clerk = StaffFixtures.signedIn(port, clerkAccount);
		String name = "次仁" + UUID.randomUUID().toString().substring(0, 4);
		String idNumber = TestIdNumbers.fresh();
		String person = CaseFixtures.idOf(clerk.json("POST", "/api/v1/persons",
				"{\"name\": \"%s\", \"idNumber\": \"%s\", \"residence\": \"%s\"}".formatted(name, idNumber, VILLAGE)));
		Visitor hospital = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.HOSPITAL, Role.DEPARTMENT_OFFICER));
		Page settled = hospital.json("POST", "/api/v1/medical-settlements", InsurerReports.asEstimated(hospital,
				EarlyWarningTests.bill(idNumber, name, "150000.00", "40000.00", "190000.00")));
		assertThat(settled.status()).as(settled.body()).isEqualTo(201);

		try (Browser phone = Browser.start(port)) {
			Journeys.signIn(phone, reporter);
			assertThat(phone.pageText()).contains("有预警等您核实");
			phone.click("预警核实");
			assertThat(phone.pageText()).contains(name).contains("红色预警").contains("年自付医疗费")
				.doesNotContain(idNumber);
			phone.click(name);
			phone.tick("入户走访");
			phone.fill("核实情况", "患者出院后无力支付后续治疗费用，家中无其他收入");
			phone.click("提交核实结果");
			assertThat(Journeys.refusals(phone)).contains("请选择核实结论。");
			assertThat(phone.valueOf("核实情况")).as("what was typed is kept")
				.isEqualTo("患者出院后无力支付后续治疗费用，家中无其他收入");
			phone.tick("需要救助（生成求助）");
			phone.click("提交核实结果");
			assertThat(phone.text(By.id("warning-status"))).isEqualTo("已核实：需要救助");
			assertThat(phone.text(By.id("warning-request"))).startsWith("JJN-");
			assertThat(phone.offers("提交核实结果")).as("a checked warning offers no second check").isFalse();
			Journeys.record("phone", "village reporter checks a warning raised from data", phone);
		}

		String request = jdbc.sql("select request_number from monitoring_warning where person_id = :person")
			.param("person", UUID.fromString(person))
			.query(String.class)
			.single();
		try (Browser desk = Browser.start(port, 1366, 900)) {
			Journeys.signIn(desk, clerkAccount);
			desk.click("待受理");
			assertThat(desk.text(By.id("queue"))).contains(request);
			String row = desk.driver()
				.findElement(By.xpath("//table[@id='queue']//tr[.//a[normalize-space(.)='" + request + "']]"))
				.getText();
			assertThat(row).contains("主动发现（数据预警）");
			desk.click(request);
			assertThat(desk.pageText()).contains("预警").contains("核实情况：患者出院后无力支付");
			Journeys.record("desk", "township finds the request found from data", desk);

			desk.click("预警核实");
			desk.click(name);
			assertThat(desk.text(By.id("warning-signals"))).contains("医疗自付").contains("平台结算")
				.doesNotContain("元");
			desk.click("查看详情");
			assertThat(desk.text(By.id("warning-signals"))).as("the figures, shown on request")
				.containsPattern("金额\\s*[0-9,]+\\.\\d\\d 元");
			desk.click("统计分析");
			String medical = desk.driver()
				.findElement(By.xpath("//table[@id='warnings-table']//tr[td[1][normalize-space(.)='大额医疗自付']]"))
				.getText();
			assertThat(Integer.parseInt(desk.text(By.xpath(
					"//table[@id='warnings-table']//tr[td[1][normalize-space(.)='大额医疗自付']]/td[@class='found-first']"))))
				.as("households found by data before anyone applied: " + medical).isPositive();
			Journeys.record("desk", "the dashboard counts households found by data", desk);
		}
		assertThat(jdbc.sql("select channel from intake_help_request where number = :n")
			.param("n", request)
			.query(String.class)
			.single()).isEqualTo("DATA_WARNING");
	}

}
