package org.jijinan.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.jijinan.Browser;
import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.identity.StaffFixtures.Opened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.Journeys.record;
import static org.jijinan.Journeys.signIn;

/**
 * The county administrator, signed in for the first time on an office screen, clicks only what the pages show: from the
 * home page's to-do to a locked colleague, whom she unlocks, stops and puts back in use; to the colleague's unit, where
 * she opens a new colleague's account; to the audit log, where she finds what she just did by person, action, day and
 * object; and to the relief parameters, where a slip is refused beside its field with everything typed kept. People are
 * read by name and unit, never by login.
 */
@SystemTest
class AdministratorJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Opened administrator;

	Opened locked;

	String township;

	@BeforeEach
	void county() {
		var staff = StaffFixtures.from(context);
		administrator = staff.named("管理员德吉", StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS,
				Role.ADMINISTRATOR);
		locked = staff.named("窗口洛桑", StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		for (int attempt = 1; attempt <= 5; attempt++) {
			new Visitor(port).signIn(locked.username(), "Wrong-Password-" + attempt);
		}
		township = context.getBean(StaffDirectory.class)
			.named(Set.of(locked.username()))
			.get(locked.username())
			.unitName();
	}

	@Test
	void theAdministratorLooksAfterAccountsReadsTheAuditLogAndChangesAReliefParameter() throws Exception {
		String newcomer = "审核才让卓玛";
		String login = "qbq.zhuoma" + System.nanoTime() % 10000;
		try (Browser office = Browser.start(port, 1366, 900)) {
			signIn(office, administrator);
			office.click("被锁定的账户");
			assertThat(office.text(By.id("attention"))).as("by name and unit").contains("窗口洛桑 " + township);
			assertThat(office.pageText()).as("never by login").doesNotContain(locked.username());
			office.click("窗口洛桑");
			assertThat(office.text(By.id("account-state"))).contains("已锁定");
			office.click("解锁");
			assertThat(office.text(By.id("done"))).isEqualTo("窗口洛桑 的账户已解锁。");
			assertThat(office.text(By.id("account-state"))).doesNotContain("已锁定");
			assertThat(office.pageText()).doesNotContain(locked.username());
			office.click("停用账户");
			assertThat(office.text(By.id("done"))).isEqualTo("窗口洛桑 的账户已停用：登录会话和个人令牌已全部失效，不能再登录。");
			assertThat(office.text(By.id("account-state"))).contains("已停用");
			assertThat(new Visitor(port).signIn(locked.username(), StaffFixtures.PASSWORD).location())
				.as("a stopped account cannot sign in")
				.endsWith("/login?error");
			office.click("恢复使用");
			assertThat(office.text(By.id("done"))).isEqualTo("窗口洛桑 的账户已恢复使用；个人令牌需重新申请。");
			assertThat(office.text(By.id("account-state"))).doesNotContain("已停用");
			assertThat(new Visitor(port).signIn(locked.username(), StaffFixtures.PASSWORD).redirectsTo("/")).isTrue();
			record("administrator", "administrator unlocks a colleague from the home page's to-do", office);

			office.journey().reset();
			office.click(township);
			office.fill("姓名", newcomer);
			office.fill("用户名", login);
			office.tick("乡镇审核");
			office.click("开通账户");
			assertThat(office.text(By.id("one-time"))).as("handed over to the person named, with the login")
				.contains(newcomer + "（" + township + "）的一次性密码")
				.contains(login);
			assertThat(office.text(By.id("one-time-password"))).hasSize(16);
			assertThat(office.text(By.id("account-state"))).contains("一次性密码未修改");
			record("administrator", "administrator opens a new colleague's account", office);

			office.journey().reset();
			office.click("审计日志");
			office.fill("操作人", "管理员德吉");
			office.choose("操作", "开通账户");
			office.fill("起始日期", LocalDate.now(context.getBean(Clock.class)).toString());
			office.choose("对象类型", "账户");
			office.fill("对象（姓名或编号）", newcomer);
			office.click("查询");
			assertThat(office.driver().findElements(By.cssSelector("#audit-records tbody tr")))
				.singleElement()
				.extracting(WebElement::getText)
				.asString()
				.contains("管理员德吉")
				.contains("开通账户")
				.contains("账户 " + newcomer)
				.contains("成功")
				.doesNotContain(login);
			record("administrator", "administrator finds the account she opened in the audit log", office);

			office.journey().reset();
			office.click("救助参数");
			office.choose("适用地区", "切吉乡");
			office.fill("起始日期", "2090-01-01");
			office.fill("截止日期（可空）", "2090-12-31");
			office.fill("依据文件", "共政〔2090〕1 号");
			office.fill("先行救助限额（元）", "三千");
			office.click("保存");
			assertThat(office.text(By.id("emergencyLimit-problem"))).isEqualTo("请填写不小于 0 的金额（元），最多两位小数。");
			assertThat(office.valueOf("先行救助限额（元）")).isEqualTo("三千");
			assertThat(office.valueOf("起始日期")).isEqualTo("2090-01-01");
			assertThat(office.valueOf("截止日期（可空）")).isEqualTo("2090-12-31");
			assertThat(office.valueOf("依据文件")).isEqualTo("共政〔2090〕1 号");
			assertThat(office.text(By.cssSelector("#policy-region option:checked"))).isEqualTo("切吉乡");
			office.fill("先行救助限额（元）", "3500");
			office.click("保存");
			assertThat(office.driver().findElements(By.cssSelector(".field-problem"))).isEmpty();
			assertThat(office.text(By.xpath("//article[h2[contains(., '切吉乡')]]"))).contains("2090")
				.containsPattern("先行救助限额\\s+3500")
				.contains("共政〔2090〕1 号");
			record("administrator", "administrator changes a relief parameter, refused once", office);
		}
	}

}
