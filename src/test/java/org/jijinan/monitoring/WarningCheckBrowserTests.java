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
 * what was typed, and confirms the need; the township then finds the request in its queue marked as found from data.
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
	 * The county tries a stricter disaster threshold on the stored signals before saving it; a threshold that is not
	 * a number is refused beside the field with what was typed kept.
	 */
	@Test
	void theCountyTriesAStricterRuleOnPastSignalsBeforeSavingIt() throws Exception {
		var staff = StaffFixtures.from(context);
		Opened administrator = staff.named("县民政局管理员", StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS,
				Role.ADMINISTRATOR);
		Visitor admin = StaffFixtures.signedIn(port, administrator);
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
		Page settled = hospital.json("POST", "/api/v1/medical-settlements",
				EarlyWarningTests.bill(idNumber, name, "150000.00", "40000.00", "190000.00"));
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
		}
		assertThat(jdbc.sql("select channel from intake_help_request where number = :n")
			.param("n", request)
			.query(String.class)
			.single()).isEqualTo("DATA_WARNING");
	}

}
