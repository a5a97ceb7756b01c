package org.jijinan.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jijinan.SystemTest;
import org.jijinan.TestClock;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county supervisor reads the audit trail in words — what was done, by whom (name and unit, not the login), to
 * which object, with what result — and narrows it by person, action, dates and object, fifty records to a page.
 */
@SystemTest
class AuditPagesTests {

	private static final Pattern ROW = Pattern.compile("(?s)<tr>\\s*<td>\\d+</td>.*?</tr>");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	@Autowired
	StaffDirectory directory;

	@Autowired
	TestClock clock;

	StaffFixtures staff;

	Opened adminAccount;

	Visitor admin;

	@BeforeEach
	void signIn() {
		staff = StaffFixtures.from(context);
		adminAccount = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR);
		admin = StaffFixtures.signedIn(port, adminAccount);
	}

	@Test
	void showsWhatWasDoneByWhomInWordsAndFiltersByPersonActionDatesAndObject() {
		String name = "审计王" + System.nanoTime() % 100000;
		String username = "t.audit." + System.nanoTime() % 100000;
		String unit = unitIdOf(adminAccount);
		Page opened = admin.post("/admin/units/" + unit + "/accounts",
				Map.of("username", username, "displayName", name, "roles", "COUNTY_REVIEWER"));
		assertThat(opened.status()).isEqualTo(200);
		String password = opened.body().replaceAll("(?s).*<code id=\"one-time-password\">([^<]+)</code>.*", "$1");
		new Visitor(port).signIn(username, password);
		new Visitor(port).signIn(username, "wrong-password-1");
		String openedId = jdbc.sql("select id::text from identity_account where username = :u")
			.param("u", username)
			.query(String.class)
			.single();
		Opened supervisorAccount = staff.active(StaffFixtures.COUNTY, UnitKind.SUPERVISION_OFFICE, Role.SUPERVISOR);
		Visitor supervisor = StaffFixtures.signedInWithSecondFactor(port, supervisorAccount, context);
		String adminUnit = directory.named(Set.of(adminAccount.username())).get(adminAccount.username()).unitName();

		List<String> byAction = rows(supervisor.get("/admin/audit?action=identity.account-opened&subjectType=account"
				+ "&subject=" + openedId));
		assertThat(byAction).singleElement().satisfies(row -> assertThat(text(row)).contains("开通账户")
			.contains("测试人员")
			.contains(adminUnit)
			.as("the account concerned by its holder's name, not its id")
			.contains("账户 " + name)
			.doesNotContain(openedId)
			.contains("成功")
			.doesNotContain("identity.account-opened")
			.doesNotContain(adminAccount.username()));

		List<String> byName = rows(supervisor.get("/admin/audit?who=" + encode(name)));
		assertThat(byName).as("the new colleague's own records: two sign-ins").hasSize(2);
		assertThat(byName).allSatisfy(row -> assertThat(text(row)).contains("密码登录").contains(name));
		assertThat(text(byName.get(0))).as("newest first: the wrong password").contains("失败");
		assertThat(text(byName.get(1))).contains("成功");

		String today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();
		String tomorrow = LocalDate.parse(today).plusDays(1).toString();
		assertThat(rows(supervisor.get("/admin/audit?who=" + encode(name) + "&from=" + today + "&to=" + today)))
			.hasSize(2);
		Page later = supervisor.get("/admin/audit?who=" + encode(name) + "&from=" + tomorrow);
		assertThat(rows(later)).isEmpty();
		assertThat(later.body()).contains("id=\"no-records\"").contains("value=\"" + tomorrow + "\"");

		Page ownEnrolment = supervisor.get("/admin/audit?subjectType=account&subject="
				+ supervisorAccount.id() + "&action=identity.second-factor-enrolled");
		assertThat(rows(ownEnrolment)).singleElement().satisfies(row -> assertThat(text(row)).contains("绑定二次验证"));
		assertThat(ownEnrolment.body())
			.contains("<option value=\"identity.second-factor-enrolled\" selected=\"selected\">绑定二次验证</option>")
			.contains("<optgroup label=\"登录、账户与安全\">");
	}

	@Test
	void answersABadDateBesideTheFieldAndKeepsTheSearchAsTyped() {
		Page malformed = admin.get("/admin/audit?who=" + encode("王") + "&from=2026-13-45&subject=ZF-1");

		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("id=\"from-problem\"")
			.contains("请输入日期，如 2026-12-01")
			.contains("value=\"2026-13-45\"")
			.contains("value=\"王\"")
			.contains("value=\"ZF-1\"")
			.doesNotContain("Exception");
		assertThat(rows(malformed)).isEmpty();

		Page backwards = admin.get("/admin/audit?from=2026-11-02&to=2026-11-01");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("id=\"to-problem\"").contains("截止日期不能早于起始日期");

		assertThat(admin.get("/admin/audit?page=abc").status()).as("a malformed page number is the first page")
			.isEqualTo(200);
	}

	@Test
	void pagesFiftyRecordsAtATimeNewestFirst() {
		String actor = "paging-" + System.nanoTime() % 100000;
		for (int i = 1; i <= 53; i++) {
			trail.append(actor, "audit.chain-verified", "audit-chain", Integer.toString(i), "SUCCESS", Map.of());
		}

		Page first = admin.get("/admin/audit?who=" + actor);
		assertThat(rows(first)).hasSize(50);
		assertThat(text(rows(first).get(0))).contains("审计日志 53").contains("校验审计日志");
		assertThat(first.body()).contains("id=\"next-page\"").doesNotContain("id=\"previous-page\"")
			.contains("value=\"" + actor + "\"");
		String next = first.body().replaceAll("(?s).*<a id=\"next-page\" rel=\"next\"\\s+href=\"([^\"]+)\".*", "$1")
			.replace("&amp;", "&");

		Page second = admin.get(next);
		assertThat(rows(second)).hasSize(3);
		assertThat(text(rows(second).get(2))).contains("审计日志 1");
		assertThat(second.body()).contains("id=\"previous-page\"").contains("上一页").doesNotContain("id=\"next-page\"");
	}

	@Test
	void namesEveryRecordedActionAndKindOfSubject() {
		List<String> actions = jdbc.sql("select distinct action from audit_record").query(String.class).list();
		List<String> types = jdbc.sql("select distinct subject_type from audit_record").query(String.class).list();

		assertThat(actions).as("every action recorded so far in this run").allSatisfy(
				action -> assertThat(AuditCatalogue.knows(action)).as(action).isTrue());
		assertThat(AuditCatalogue.SUBJECT_TYPES).containsAll(types);
		assertThat(admin.post("/admin/audit/verification", Map.of()).body()).contains("id=\"chain-intact\"");
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private String unitIdOf(Opened account) {
		return account.unitId().toString();
	}

	private static List<String> rows(Page page) {
		int start = page.body().indexOf("<table id=\"audit-records\"");
		if (start < 0) {
			return List.of();
		}
		Matcher matcher = ROW.matcher(page.body().substring(start, page.body().indexOf("</table>", start)));
		return matcher.results().map(java.util.regex.MatchResult::group).toList();
	}

	private static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
	}

}
