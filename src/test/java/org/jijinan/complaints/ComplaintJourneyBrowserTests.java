package org.jijinan.complaints;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.relief.ReliefStaff;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: a villager refused temporary assistance complains about the township on a 390 px phone, refused once
 * without losing what was typed; the county bureau signs for it and answers within the clock, refused once beside
 * the field it forgot; the villager reads the answer by the number and the follow code, is not satisfied and sends it
 * to the level above, where the supervision office finds it waiting, finds the refusal wrong and sends the decision
 * back; the corrected decision is approved by two people other than its proposer.
 */
@SystemTest
class ComplaintJourneyBrowserTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
		var relief = new ReliefStaff(port, context);
		String caseNumber = relief.investigatedCase();
		String request = JSON.readTree(relief.handler.get("/api/v1/cases/" + caseNumber).body())
			.path("requests")
			.get(0)
			.asString();
		String refused = CaseFixtures.idOf(relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions",
				ReliefStaff.proposal("2000", "")));
		assertThat(relief.townshipApprover.json("POST", "/api/v1/decisions/" + refused + "/refusal",
				"{\"reason\": \"家庭收入超过当地标准\"}").status()).isEqualTo(200);
		String number;
		String code;
		try (Browser villager = Browser.start(port)) {
			villager.open("/");
			villager.waitFor(By.id("public-home"));
			villager.click("投诉举报");
			villager.choose("反映的是哪个单位", township);
			villager.fill("相关的求助编号", request);
			villager.fill("具体情况", "房子烧了，乡里说我家收入超标不给救助，可收入是按我打工时算的，现在已经失业");
			villager.fill("您的姓名", "才让卓玛");
			villager.fill("您的电话", "13909742468");
			villager.click("提交");
			assertThat(villager.text(By.id("kind-problem"))).isEqualTo("请选择要反映的事项。");
			assertThat(villager.valueOf("具体情况")).startsWith("房子烧了");
			assertThat(villager.valueOf("您的电话")).isEqualTo("13909742468");
			villager.tick("不予受理或不予救助");
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
			desk.click("不予受理或不予救助：" + township);
			assertThat(desk.text(By.id("complainant"))).startsWith("才*").contains("139****2468")
				.doesNotContain("才让卓玛");
			desk.click("签收");
			desk.fill("调查核实情况", "核对乡政府的收入认定材料");
			desk.fill("答复内容", "经核对，乡政府按申请时提交的收入证明认定，符合规定。");
			desk.click("答复");
			assertThat(desk.text(By.id("finding-problem"))).isEqualTo("请选择调查结论：属实、部分属实或不属实。");
			assertThat(desk.valueOf("调查核实情况")).isEqualTo("核对乡政府的收入认定材料");
			desk.choose("调查结论", "不属实");
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
			assertThat(villager.text(By.id("answer-1"))).contains("不属实").contains("符合规定");
			assertThat(villager.pageText()).doesNotContain("核对乡政府的收入认定材料");
			villager.click("不满意，请上一级复查");
			assertThat(villager.text(By.id("rated"))).startsWith("已提交上一级复查");
			assertThat(villager.offers("满意")).isFalse();
			Journeys.record("public", "the complainant reads the answer and asks the level above", villager);
		}
		try (Browser office = Browser.start(port, 1366, 900)) {
			Journeys.signIn(office, leader);
			office.click("待签收的投诉举报");
			office.click("不予受理或不予救助：" + township);
			assertThat(office.text(By.id("answer-1"))).contains("投诉人不满意");
			office.click("签收");
			assertThat(office.text(By.id("complaint-status"))).isEqualTo("已签收，待答复");
			assertThat(office.valueOf("相关个案或求助编号")).as("the request the villager named").isEqualTo(request);
			office.fill("调查核实情况", "调阅打工单位的离职证明，申请时已经失业");
			office.choose("调查结论", "属实");
			office.fill("答复内容", "乡政府按失业前的收入认定有误，已退回重新审核。");
			office.tick("退回重新审核救助决定");
			office.tick("对" + township + "追究责任");
			office.click("答复");
			assertThat(office.text(By.id("complaint-status"))).isEqualTo("已答复");
			Journeys.record("desk", "the supervision office finds a refusal wrong and sends it back", office);
		}
		// The corrected decision: the handler proposes, two others review and approve.
		Page proposed = relief.handler.json("POST", "/api/v1/cases/" + caseNumber + "/decisions",
				ReliefStaff.proposal("2000", ""));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		assertThat(JSON.readTree(proposed.body()).path("grounds").asString()).contains(number);
		String corrected = CaseFixtures.idOf(proposed);
		CaseFixtures.assertProblem(relief.handler.json("POST", "/api/v1/decisions/" + corrected + "/review", ""), 403,
				"relief.four-eyes");
		assertThat(relief.reviewer.json("POST", "/api/v1/decisions/" + corrected + "/review", "").status())
			.isEqualTo(200);
		assertThat(relief.townshipApprover.json("POST", "/api/v1/decisions/" + corrected + "/approval", "").status())
			.isEqualTo(200);
		assertThat(relief.handler.get("/api/v1/cases/" + caseNumber).body()).contains("\"status\":\"DECIDED\"");
	}

}
