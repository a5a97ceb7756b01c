package org.jijinan.complaints;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a villager complains about a township on a 390 px phone, refused once without losing what was typed;
 * the county bureau signs for it and answers, refused once beside the field it forgot; the villager reads the answer
 * by the number and the follow code, is not satisfied and sends it to the level above, where the supervision office
 * finds it waiting.
 */
@SystemTest
class ComplaintJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ComplaintLimits limits;

	@Test
	void aVillagerComplainsIsAnsweredIsUnsatisfiedAndTheLevelAboveTakesItUp() throws Exception {
		limits.reset();
		var staff = StaffFixtures.from(context);
		Opened townshipClerk = staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		String township = jdbc.sql("select name from identity_unit where id = :id")
			.param("id", townshipClerk.unitId().value())
			.query(String.class)
			.single();
		Opened reviewer = staff.named("县民政局何审核", StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS,
				Role.COUNTY_REVIEWER);
		Opened leader = staff.named("督查室洛桑", StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.LEADER);
		String number;
		String code;
		try (Browser villager = Browser.start(port)) {
			villager.open("/");
			villager.waitFor(By.id("public-home"));
			villager.click("投诉举报");
			villager.choose("反映的是哪个单位", township);
			villager.fill("具体情况", "乡政府窗口不肯受理我的救助申请，说让我去县里");
			villager.fill("您的姓名", "才让卓玛");
			villager.fill("您的电话", "13909742468");
			villager.click("提交");
			assertThat(villager.text(By.id("kind-problem"))).isEqualTo("请选择要反映的事项。");
			assertThat(villager.valueOf("具体情况")).isEqualTo("乡政府窗口不肯受理我的救助申请，说让我去县里");
			assertThat(villager.valueOf("您的电话")).isEqualTo("13909742468");
			villager.tick("工作人员不受理、推诿");
			villager.click("提交");
			number = villager.text(By.id("complaint-number"));
			code = villager.text(By.id("follow-code"));
			assertThat(number).matches("TS-\\d{8}-\\d{6}");
			assertThat(code).matches("\\d{6}");
			Journeys.record("public", "a villager complains about a township on a phone", villager);
		}
		try (Browser desk = Browser.start(port, 1366, 900)) {
			Journeys.signIn(desk, reviewer);
			desk.click("待签收的投诉举报");
			desk.click("不受理、推诿：" + township);
			assertThat(desk.text(By.id("complainant"))).startsWith("才*").contains("139****2468")
				.doesNotContain("才让卓玛");
			desk.click("签收");
			desk.fill("调查核实情况", "调取窗口登记记录，询问当班工作人员");
			desk.fill("答复内容", "情况属实，已责令乡政府当日受理您的申请，并对窗口人员批评教育。");
			desk.click("答复");
			assertThat(desk.text(By.id("finding-problem"))).isEqualTo("请选择调查结论：属实、部分属实或不属实。");
			assertThat(desk.valueOf("调查核实情况")).isEqualTo("调取窗口登记记录，询问当班工作人员");
			desk.choose("调查结论", "属实");
			desk.click("答复");
			assertThat(desk.text(By.id("complaint-status"))).isEqualTo("已答复");
			assertThat(desk.offers("签收")).isFalse();
			Journeys.record("desk", "the county bureau signs for and answers a complaint", desk);
		}
		try (Browser villager = Browser.start(port)) {
			villager.open("/");
			villager.click("查询办理进度");
			villager.fill("编号", number);
			villager.fill("登记时留下的电话", code);
			villager.click("查询");
			assertThat(villager.text(By.id("follow-status"))).isEqualTo("已答复");
			assertThat(villager.text(By.id("answer-1"))).contains("情况属实").contains("已责令乡政府当日受理");
			assertThat(villager.pageText()).doesNotContain("调取窗口登记记录");
			villager.click("不满意，请上一级复查");
			assertThat(villager.text(By.id("rated"))).startsWith("已提交上一级复查");
			assertThat(villager.offers("满意")).isFalse();
			Journeys.record("public", "the complainant reads the answer and asks the level above", villager);
		}
		try (Browser office = Browser.start(port, 1366, 900)) {
			Journeys.signIn(office, leader);
			office.click("待签收的投诉举报");
			office.click("不受理、推诿：" + township);
			assertThat(office.text(By.id("answer-1"))).contains("投诉人不满意");
			office.click("签收");
			assertThat(office.text(By.id("complaint-status"))).isEqualTo("已签收，待答复");
			Journeys.record("desk", "the supervision office takes up an escalated complaint", office);
		}
	}

}
