package org.jijinan;

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

/**
 * The field roles on a 390 px phone, each signed in for the first time and clicking only what they see: a village
 * reporter sends what he found, a hotline operator takes a call and calls a caller back. The menu folds away behind
 * one button and offers only what the role can use; confirmations appear in view; a refused form keeps what was typed
 * and says why beside the field.
 */
@SystemTest
class PhoneJourneyBrowserTests {

	static final String VILLAGE = "632521202902";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void village() {
		TestVillages.ensure(context, VILLAGE, "沙珠玉二村");
	}

	@Test
	void aVillageReporterSendsWhatHeFoundFromHisPhone() throws Exception {
		Opened reporter = StaffFixtures.from(context)
			.named("村干部旦增", new DivisionCode(VILLAGE), UnitKind.VILLAGE_COMMITTEE, Role.VILLAGE_REPORTER);
		try (Browser phone = Browser.start(port)) {
			Journeys.signIn(phone, reporter);
			assertThat(phone.driver().findElement(By.id("menu")).isDisplayed()).as("the menu is folded").isFalse();
			assertThat(phone.offers("名册导入")).as("no roster import for a reporter").isFalse();
			assertThat(phone.offers("待受理")).as("no acceptance for a reporter").isFalse();

			phone.click("现场报告");
			assertThat(phone.valueOf("村（社区）")).as("his own village is chosen").isEqualTo(VILLAGE);
			phone.tick("紧急（生命安全受到威胁）");
			phone.fill("姓名", "独居老人索南");
			phone.fill("联系电话", "13909748888");
			phone.tick("突发重大疾病");
			phone.fill("情况说明", "老人摔倒后无法起身，邻居发现");
			phone.click("发送报告");
			phone.waitFor(By.id("field-number"));
			assertThat(phone.inView(By.id("field-number"))).as("the confirmation is in view").isTrue();
			assertThat(phone.text(By.id("field-number"))).matches("JJN-\\d{8}-\\d{6}");
			Journeys.record("phone", "village reporter sends a field report", phone);
		}
	}

	@Test
	void aHotlineOperatorTakesACallAndARefusalKeepsWhatWasTyped() throws Exception {
		Opened operator = StaffFixtures.from(context)
			.named("接线员梅朵", StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR);
		try (Browser phone = Browser.start(port)) {
			Journeys.signIn(phone, operator);
			phone.click("热线登记");
			phone.fill("姓名", "求助人拉姆");
			phone.fill("来电号码", "13909747777");
			phone.tick("火灾");
			phone.fill("情况说明", "来电称邻居家失火");
			phone.click("登记并出具回执");
			// No village chosen: refused beside the village, with everything typed still there.
			assertThat(phone.text(By.id("village-problem"))).isNotBlank();
			assertThat(phone.valueOf("姓名")).isEqualTo("求助人拉姆");
			assertThat(phone.valueOf("来电号码")).isEqualTo("13909747777");
			assertThat(phone.valueOf("情况说明")).isEqualTo("来电称邻居家失火");
			assertThat(phone.driver().findElement(By.cssSelector("input[name=causes][value=FIRE]")).isSelected()).isTrue();

			phone.fill("查找村（社区）", "沙珠玉");
			phone.choose("村（社区）", "沙珠玉二村");
			phone.click("登记并出具回执");
			assertThat(phone.text(By.id("request-township"))).isEqualTo("沙珠玉乡 · 沙珠玉二村");
			Journeys.record("phone", "hotline operator takes a call, refused once", phone);
		}
	}

	/**
	 * The caller asked to be called back: the call waits on the operator's home page until she records that she
	 * reached them, and the request's page keeps what was said.
	 */
	@Test
	void aHotlineOperatorCallsBackACallerWhoAskedForIt() throws Exception {
		Opened operator = StaffFixtures.from(context)
			.named("接线员德吉", StaffFixtures.COUNTY, UnitKind.HOTLINE_CENTRE, Role.HOTLINE_OPERATOR);
		try (Browser phone = Browser.start(port)) {
			Journeys.signIn(phone, operator);
			phone.click("热线登记");
			phone.fill("姓名", "来电人旺姆");
			phone.fill("来电号码", "13909746543");
			phone.tick("需要回电");
			phone.fill("查找村（社区）", "沙珠玉");
			phone.choose("村（社区）", "沙珠玉二村");
			phone.tick("医疗支出过大");
			phone.fill("情况说明", "来电称母亲住院，家中无人照看孩子，请乡镇联系");
			phone.click("登记并出具回执");
			String number = phone.text(By.id("request-number"));
			assertThat(phone.text(By.id("call-back-status"))).isEqualTo("待回电");

			phone.click("首页");
			assertThat(phone.text(By.id("waiting"))).contains("待回电").contains("来电人旺姆");
			phone.click("待回电");
			assertThat(phone.text(By.id("request-number"))).isEqualTo(number);
			assertThat(phone.text(By.id("call-back-owner"))).isEqualTo("接线员德吉");
			phone.tick("已联系上");
			phone.fill("回电记录", "已告知来电人乡镇今天下午上门");
			phone.click("记录回电结果");
			Journeys.noProblem(phone);
			assertThat(phone.text(By.id("call-back-status"))).isEqualTo("已联系上");
			assertThat(phone.text(By.id("call-back-attempts"))).contains("已联系上").contains("已告知来电人乡镇今天下午上门");

			phone.click("首页");
			assertThat(phone.text(By.id("waiting"))).as("the line is gone").doesNotContain("来电人旺姆");
			Journeys.record("phone", "hotline operator calls a caller back", phone);
		}
	}

}
