package org.jijinan.services;

import java.time.LocalDate;
import java.time.ZoneId;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.Journeys.record;
import static org.jijinan.Journeys.signIn;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * In Chromium, on a phone: a township refers a family to a social work agency for services; the agency's social
 * worker, signed in for the first time, finds the referral on the home page, accepts it and records the needs
 * assessment, the service plan and a service given, by clicking and typing into labelled fields only. A cost beyond
 * the contract is refused with the reason beside the field, and everything typed stays.
 */
@SystemTest
class SocialWorkerJourneyBrowserTests {

	static final String NOTES = "入户陪伴孩子做放松训练，与父母谈心";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aSocialWorkerTakesAReferralFromTheHomePageToAServiceRecorded() throws Exception {
		var staff = StaffFixtures.from(context);
		// An agency no other test has: its home page lists this journey's referral only.
		Opened worker = staff.namedAt("共和县阳光社会工作服务中心", "社工马丽", StaffFixtures.COUNTY,
				UnitKind.SOCIAL_WORK_AGENCY, Role.SOCIAL_WORKER);
		String caseNumber = referredCase(worker);

		try (Browser phone = Browser.start(port, 390, 844)) {
			signIn(phone, worker);
			phone.click("转给本单位、待签收的任务");
			phone.click(caseNumber);
			phone.click("签收");
			assertThat(phone.text(By.id("task-owner"))).as("by name, not login").isEqualTo("社工马丽");
			phone.click("社工服务：需求评估、服务计划与服务记录");
			phone.click("填写需求评估");
			phone.choose("风险等级", "中风险");
			phone.tick("心理疏导");
			phone.tick("生活帮扶");
			phone.fill("评估摘要", "火灾后孩子夜惊，父母焦虑，生活用品缺乏");
			phone.click("保存需求评估");
			phone.click("制定服务计划");
			phone.choose("目标 1：服务类型", "心理疏导");
			phone.fill("目标 1：预期效果", "孩子睡眠恢复正常");
			phone.choose("目标 2：服务类型", "资源链接");
			phone.fill("目标 2：预期效果", "链接慈善物资和住房修缮");
			phone.click("保存服务计划");
			assertThat(phone.text(By.id("assessments"))).contains("中风险").contains("社工马丽");
			assertThat(phone.text(By.id("plans"))).contains("心理疏导：孩子睡眠恢复正常");
			record("social-worker", "social worker accepts the referral, assesses and plans", phone);

			phone.journey().reset();
			phone.click("登记服务");
			phone.choose("服务类型", "心理疏导");
			phone.fill("时长（分钟）", "90");
			phone.fill("服务过程", NOTES);
			phone.fill("服务成效", "孩子当晚入睡较快");
			phone.fill("费用（元）", "5000");
			phone.click("保存服务记录");
			assertThat(phone.text(By.id("cost-problem"))).as("the reason, beside the cost")
				.contains("剩余预算 3000 元");
			assertThat(phone.valueOf("服务类型")).isEqualTo("PSYCHOLOGICAL_COUNSELLING");
			assertThat(phone.valueOf("时长（分钟）")).isEqualTo("90");
			assertThat(phone.valueOf("服务过程")).isEqualTo(NOTES);
			assertThat(phone.valueOf("服务成效")).isEqualTo("孩子当晚入睡较快");
			phone.fill("费用（元）", "300");
			phone.click("保存服务记录");
			assertThat(Journeys.refusals(phone)).isEmpty();
			assertThat(phone.text(By.id("records"))).contains("心理疏导").contains("90 分钟").contains(NOTES);
			record("social-worker", "social worker records a service, refused once over the contract", phone);
		}
	}

	/**
	 * A case of 倒淌河镇 shared on an entrustment agreement and referred to the worker's agency for services, which
	 * works under a county contract of 3,000 元: made through the API as the township and county would on their pages.
	 */
	private String referredCase(Opened worker) {
		var staff = StaffFixtures.from(context);
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		String caseNumber = CaseFixtures.acceptedCase(
				StaffFixtures.signedIn(port,
						staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK)),
				township, IntakeTests.request("URGENT", "13909746789", "FIRE"));
		assertThat(township.json("POST", "/api/v1/cases/" + caseNumber + "/sharing-basis",
				"{\"basis\": \"ENTRUSTMENT\", \"reference\": \"委托服务协议 2026-52\"}").status()).isIn(200, 201);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		Visitor county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		idOf(county.json("POST", "/api/v1/service-contracts", """
				{"agencyId": "%s", "title": "塘格木镇救急难社工服务", "validFrom": "%s", "validTo": "%s",
				 "budget": 3000, "targetCases": 5}""".formatted(worker.unitId().value(), today.minusMonths(1),
				today.plusYears(1))));
		idOf(township.json("POST", "/api/v1/cases/" + caseNumber + "/tasks", """
				{"unitId": "%s", "kind": "SERVICE", "request": "请为这一家提供心理疏导和生活帮扶"}"""
			.formatted(worker.unitId().value())));
		return caseNumber;
	}

}
