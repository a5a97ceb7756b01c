package org.jijinan.charity;

import java.io.IOException;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.Journeys.record;
import static org.jijinan.Journeys.signIn;

/**
 * In Chromium, on an office screen, each person signed in for the first time and clicking only what they see: the
 * township records the family's consent and publishes the need (refused once for naming the family); a charity
 * officer is led from their home page to start a project for the county, finds the need on the board (without the
 * family's name), takes it up and later reports the delivery from their home page; the township confirms it from
 * theirs and finds it on the case's timeline.
 */
@SystemTest
class CharityJourneyBrowserTests {

	/** 塘格木镇, where no other test works: with a charity of its own, the home pages list this journey's work only. */
	static final DivisionCode TANGGEMU = new DivisionCode("632521103");

	static final String VILLAGE = "632521103901";

	static final String NEED = "房屋烧毁，一家四口急需过冬被褥和衣物";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Opened township;

	Opened officer;

	@BeforeEach
	void staff() {
		TestVillages.ensure(context, VILLAGE, "塘格木试点村");
		var staff = StaffFixtures.from(context);
		township = staff.named("经办索南", TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		officer = staff.namedAt("共和县暖冬慈善会", "慈善干事李娟", StaffFixtures.COUNTY, UnitKind.CHARITY,
				Role.CHARITY_OFFICER);
	}

	@Test
	void aNeedIsPublishedTakenUpDeliveredAndConfirmedByClicking() throws Exception {
		String caseNumber = CaseFixtures.acceptedCase(StaffFixtures.signedIn(port,
				StaffFixtures.from(context).active(TANGGEMU, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK)),
				StaffFixtures.signedIn(port, township), """
						{"channel": "WINDOW", "urgency": "URGENT", "reporterRelation": "SELF", "reporterPhone": "13909741234",
						 "subjectName": "才让卓玛", "village": "%s", "description": "昨夜房屋失火，一家四口无处居住",
						 "causes": ["FIRE"]}""".formatted(VILLAGE));

		try (Browser desk = office()) {
			signIn(desk, township);
			desk.click("本辖区办理中的个案");
			desk.click(caseNumber);
			desk.click("登记共享依据");
			desk.choose("依据类型", "本人同意");
			desk.fill("签署文件", "本人签字同意书");
			desk.click("保存共享依据");
			assertThat(desk.text(By.id("sharing-basis"))).as("who recorded it, by name")
				.isEqualTo("本人同意：本人签字同意书（经办索南 登记）");
			desk.click("发布慈善需求");
			desk.tick("物资");
			desk.fill("政府救助后仍存在的缺口（元）", "1200");
			desk.fill("情况说明", "才让卓玛家" + NEED);
			desk.click("发布");
			assertThat(desk.text(By.id("summary-problem"))).as("the reason, beside the summary")
				.contains("请去掉姓名");
			assertThat(desk.driver().findElement(By.cssSelector("input[name=kinds][value=GOODS]")).isSelected())
				.as("the ticked kind is kept").isTrue();
			assertThat(desk.valueOf("政府救助后仍存在的缺口（元）")).isEqualTo("1200");
			desk.fill("情况说明", NEED);
			desk.click("发布");
			assertThat(Journeys.refusals(desk)).isEmpty();
			assertThat(desk.text(By.id("need-status"))).isEqualTo("待认领");
			record("charity", "township officer records consent and publishes the need, refused once", desk);

			takenUpAndDelivered(caseNumber);

			desk.journey().reset();
			desk.click("首页");
			desk.click("慈善组织已反馈帮扶、待您确认");
			desk.click("确认帮扶");
			assertThat(desk.text(By.className("claim-status"))).isEqualTo("乡镇已确认");
			desk.click(caseNumber);
			assertThat(desk.text(By.id("timeline"))).contains("物资 1200")
				.contains("慈善组织反馈已帮扶")
				.contains("乡镇确认慈善帮扶")
				.contains("送去棉被 4 床")
				.contains("慈善干事李娟")
				.doesNotContain("GOODS")
				.doesNotContain(officer.username());
			record("charity", "township officer confirms the delivery from the home page", desk);
		}
	}

	/**
	 * The charity officer, at their own desk meanwhile, takes the need up and later reports what was given.
	 */
	private void takenUpAndDelivered(String caseNumber) throws IOException {
		try (Browser charity = office()) {
			signIn(charity, officer);
			charity.click("县内待认领的慈善需求：先建立慈善项目再认领");
			charity.fill("项目名称", "暖冬助困计划");
			charity.tick("火灾");
			charity.fill("单户上限（元）", "3000");
			charity.fill("预算（元）", "60000");
			charity.fill("可提供的物资", "棉被、羽绒服");
			charity.click("保存项目");
			assertThat(charity.text(By.cssSelector("#projects .project-areas"))).as("the whole county, ticked for them")
				.isEqualTo("共和县");
			charity.click("慈善需求");
			assertThat(charity.text(By.tagName("main"))).as("the board names nobody")
				.contains("才某")
				.doesNotContain("才让")
				.doesNotContain("13909741234")
				.doesNotContain(caseNumber);
			charity.click(NEED);
			charity.click("认领该需求");
			assertThat(charity.text(By.id("need-status"))).isEqualTo("已认领");
			record("charity", "charity officer starts a project from the home page and takes the need up", charity);

			charity.journey().reset();
			charity.click("首页");
			charity.click("已认领、待反馈帮扶的需求");
			charity.fill("帮扶内容", "送去棉被 4 床、羽绒服 4 件");
			charity.click("反馈已帮扶");
			assertThat(charity.text(By.className("claim-status"))).isEqualTo("已帮扶");
			assertThat(charity.offers("反馈已帮扶")).isFalse();
			record("charity", "charity officer reports the delivery from the home page", charity);
		}
	}

	private Browser office() throws IOException {
		return Browser.start(port, 1366, 900);
	}

}
