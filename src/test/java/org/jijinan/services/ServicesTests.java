package org.jijinan.services;

import java.time.LocalDate;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.jijinan.region.OtherCounty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * Social-work services: an agency serves only the cases referred to it, accepted and shared on a legal basis; it
 * assesses, plans and records services in the six types under a contract whose budget is never exceeded; the case's
 * timeline and the township see it all.
 */
@SystemTest
class ServicesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor clerk;

	Visitor township;

	Visitor county;

	Visitor worker;

	String agency;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		var account = staff.active(StaffFixtures.COUNTY, UnitKind.SOCIAL_WORK_AGENCY, Role.SOCIAL_WORKER);
		agency = account.unitId().value().toString();
		worker = StaffFixtures.signedIn(port, account);
	}

	@Test
	void servesOnlyReferredAndSharedCasesWithinTheContract() {
		String contract = idOf(county.json("POST", "/api/v1/service-contracts", """
				{"agencyId": "%s", "title": "2026 年救急难社工服务", "validFrom": "2026-01-01", "validTo": "2027-12-31",
				 "budget": 1000, "targetCases": 10}""".formatted(agency)));
		assertProblem(township.json("POST", "/api/v1/service-contracts", """
				{"agencyId": "%s", "title": "乡镇购买", "validFrom": "2026-01-01", "validTo": "2026-12-31",
				 "budget": 1000, "targetCases": 1}""".formatted(agency)), 403, "services.not-allowed");
		String number = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909741234", "FIRE"));
		String other = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909745678", "FIRE"));
		String assessment = """
				{"risk": "HIGH", "needs": ["PSYCHOLOGICAL_COUNSELLING", "LIFE_SUPPORT"],
				 "summary": "火灾后孩子夜惊，父母焦虑，生活用品缺乏"}""";

		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-assessments", assessment), 403,
				"services.not-referred");
		String task = idOf(township.json("POST", "/api/v1/cases/" + number + "/tasks",
				"{\"unitId\": \"" + agency + "\", \"kind\": \"SERVICE\", \"request\": \"请提供心理疏导和生活帮扶\"}"));
		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-assessments", assessment), 403,
				"services.not-referred");
		worker.json("POST", "/api/v1/tasks/" + task + "/acceptance", "");
		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-assessments", assessment), 422,
				"services.no-sharing-basis");
		String line = "href=\"/services/cases/" + number + "\"><span>已签收、待评估并制定服务计划的个案</span>";
		assertThat(worker.get("/").body()).as("not served before it is shared").doesNotContain(line);
		assertThat(worker.get("/services/cases/" + number).body()).as("the page says why, and offers nothing")
			.contains("请乡镇登记后再开展服务")
			.doesNotContain("save-assessment");
		township.json("POST", "/api/v1/cases/" + number + "/sharing-basis",
				"{\"basis\": \"ENTRUSTMENT\", \"reference\": \"委托服务协议 2026-31\"}");
		assertThat(worker.get("/").body()).as("the accepted, shared referral waits on the home page").contains(line);
		assertThat(worker.json("POST", "/api/v1/cases/" + number + "/service-assessments", assessment).status())
			.isEqualTo(200);
		assertThat(worker.get("/api/v1/service-cases").body()).contains(number).doesNotContain(other)
			.doesNotContain("13909741234");
		assertProblem(worker.get("/api/v1/cases/" + other + "/services"), 403, "services.not-referred");
		assertProblem(worker.get("/api/v1/cases/" + other), 403, "casework.out-of-scope");

		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-records", record(60, "100")), 422,
				"services.no-plan");
		Page planned = worker.json("POST", "/api/v1/cases/" + number + "/service-plans", """
				{"contractId": "%s", "followUpOn": "%s", "goals": [
				  {"type": "PSYCHOLOGICAL_COUNSELLING", "goal": "孩子睡眠恢复正常"},
				  {"type": "RESOURCE_LINKING", "goal": "链接慈善物资和住房修缮"}]}"""
			.formatted(contract, LocalDate.now().plusMonths(1)));
		assertThat(planned.status()).as(planned.body()).isEqualTo(200);
		assertThat(worker.get("/").body()).as("planned: no longer waiting").doesNotContain(line);
		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-plans",
				"{\"contractId\": \"" + contract + "\", \"goals\": [{\"type\": \"LIFE_SUPPORT\", \"goal\": \"再来一份\"}]}"),
				409, "services.plan-active");
		assertThat(worker.json("POST", "/api/v1/cases/" + number + "/service-records", record(90, "300")).status())
			.isEqualTo(200);
		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-records", record(0, "0")), 422,
				"services.minutes-invalid");
		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-records", record(60, "800")), 422,
				"services.contract-exceeded");

		assertThat(county.get("/api/v1/service-contracts").body()).contains("\"spent\":300.00")
			.contains("\"servedCases\":1");
		assertThat(township.get("/api/v1/cases/" + number + "/services").body()).contains("孩子睡眠恢复正常")
			.contains("\"type\":\"PSYCHOLOGICAL_COUNSELLING\"").contains("\"minutes\":90");
		assertThat(township.get("/api/v1/cases/" + number + "/timeline").body()).contains("SERVICE_ASSESSED")
			.contains("SERVICE_PLANNED").contains("SERVICE_PSYCHOLOGICAL_COUNSELLING");

		assertThat(worker.get("/services/cases").body()).contains(number).doesNotContain(other);
		Page page = worker.get("/services/cases/" + number);
		assertThat(page.body()).contains("孩子睡眠恢复正常").contains("心理疏导").contains("save-record");
		Page letters = worker.post("/services/cases/" + number + "/records", java.util.Map.of("type",
				"LIFE_SUPPORT", "minutes", "一小时", "notes", "送去生活用品", "outcome", "已解决"));
		assertThat(letters.status()).isEqualTo(422);
		assertThat(letters.body()).contains("单次服务时长须为 1 到 1440 分钟");
		assertThat(worker.get("/services/cases/" + other).status()).isEqualTo(403);
		assertThat(township.get("/services/cases/" + number).body()).doesNotContain("save-record");

		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-plans/closing", "{\"note\": \"\"}"),
				400, "services.closing-note-required");
		assertThat(worker.json("POST", "/api/v1/cases/" + number + "/service-plans/closing",
				"{\"note\": \"回访：孩子睡眠正常，家庭已入住修缮后的房屋\"}").body()).contains("\"status\":\"CLOSED\"");
		assertProblem(worker.json("POST", "/api/v1/cases/" + number + "/service-records", record(30, "0")), 422,
				"services.no-plan");
		assertThat(township.get("/api/v1/cases/" + number + "/timeline").body()).contains("SERVICE_CLOSED");
		assertThat(county.get("/services/contracts").body()).contains("2026 年救急难社工服务").contains("sign-contract");
		assertThat(worker.get("/services/contracts").body()).contains("2026 年救急难社工服务")
			.doesNotContain("sign-contract");
	}

	/**
	 * A contract belongs to the county of its agency: each county's staff list only their own county's contracts
	 * (API and page), and a county cannot sign with another county's agency.
	 */
	@Test
	void showsEachCountyOnlyItsOwnContractsAndSignsOnlyWithItsOwnAgencies() {
		OtherCounty.ensure(context);
		var staff = StaffFixtures.from(context);
		Visitor tongde = StaffFixtures.signedIn(port,
				staff.active(OtherCounty.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		Visitor tongdeClerk = StaffFixtures.signedIn(port,
				staff.active(OtherCounty.TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		var tongdeWorkerAccount = staff.active(OtherCounty.COUNTY, UnitKind.SOCIAL_WORK_AGENCY, Role.SOCIAL_WORKER);
		String tongdeAgency = tongdeWorkerAccount.unitId().value().toString();
		Visitor tongdeWorker = StaffFixtures.signedIn(port, tongdeWorkerAccount);
		String gongheTitle = "共和县社工服务 " + System.nanoTime();
		String tongdeTitle = "同德县社工服务 " + System.nanoTime();

		idOf(county.json("POST", "/api/v1/service-contracts", contract(agency, gongheTitle)));
		idOf(tongde.json("POST", "/api/v1/service-contracts", contract(tongdeAgency, tongdeTitle)));
		assertProblem(county.json("POST", "/api/v1/service-contracts", contract(tongdeAgency, "跨县购买服务")), 400,
				"services.agency-unknown");
		assertProblem(tongde.json("POST", "/api/v1/service-contracts", contract(agency, "跨县购买服务")), 400,
				"services.agency-unknown");

		for (Visitor gonghe : java.util.List.of(county, township, clerk)) {
			assertThat(gonghe.get("/api/v1/service-contracts").body()).contains(gongheTitle)
				.doesNotContain(tongdeTitle)
				.doesNotContain("跨县购买服务");
		}
		for (Visitor other : java.util.List.of(tongde, tongdeClerk, tongdeWorker)) {
			assertThat(other.get("/api/v1/service-contracts").body()).contains(tongdeTitle)
				.doesNotContain(gongheTitle)
				.doesNotContain("跨县购买服务");
		}
		assertThat(county.get("/services/contracts").body()).contains(gongheTitle).doesNotContain(tongdeTitle);
		assertThat(tongde.get("/services/contracts").body()).contains(tongdeTitle).doesNotContain(gongheTitle);
	}

	private static String contract(String agency, String title) {
		return """
				{"agencyId": "%s", "title": "%s", "validFrom": "2026-01-01", "validTo": "2026-12-31",
				 "budget": 500, "targetCases": 2}""".formatted(agency, title);
	}

	private static String record(int minutes, String cost) {
		return """
				{"type": "PSYCHOLOGICAL_COUNSELLING", "servedOn": "%s", "minutes": %d,
				 "notes": "入户开展亲子游戏治疗，教父母安抚方法", "outcome": "孩子情绪明显平稳", "cost": %s}"""
			.formatted(LocalDate.now(), minutes, cost);
	}

}
