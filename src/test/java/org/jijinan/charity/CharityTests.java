package org.jijinan.charity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * The needs board: a need is published only with a legal basis for sharing and never with the family's personal
 * data; matching is deterministic and explains itself; concurrent claims never commit beyond a project's budget; a
 * delivery the township confirms enters the assistance chain and the case's timeline.
 */
@SystemTest
class CharityTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor clerk;

	Visitor township;

	Visitor charity;

	Visitor colleague;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		charity = StaffFixtures.signedIn(port, staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY, Role.CHARITY_OFFICER));
		colleague = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY, Role.CHARITY_OFFICER));
	}

	@Test
	void publishesOnlyWithALegalBasisAndNeverThePersonsData() {
		String number = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909741234", "FIRE"));
		String path = "/api/v1/cases/" + number + "/needs";

		assertProblem(township.json("POST", path, need("3000", "房屋烧毁，需要过冬衣物和取暖")), 422,
				"charity.no-sharing-basis");
		assertProblem(township.json("POST", "/api/v1/cases/" + number + "/sharing-basis", "{\"basis\": \"CONSENT\"}"), 400,
				"casework.sharing-reference-required");
		assertThat(township.json("POST", "/api/v1/cases/" + number + "/sharing-basis",
				"{\"basis\": \"CONSENT\", \"reference\": \"同意书 2026-118\"}").status()).isEqualTo(200);
		assertProblem(township.json("POST", path, need("3000", "才让家房屋烧毁")), 422, "charity.summary-identifies");
		assertProblem(township.json("POST", path, need("3000", "联系电话 139 0974 1234")), 422,
				"charity.summary-identifies");
		assertProblem(township.json("POST", path, need("-1", "房屋烧毁，需要过冬衣物")), 422, "charity.amount-invalid");
		assertProblem(township.json("POST", path, "{\"kinds\": [\"GOLD\"], \"amount\": 1, \"summary\": \"房屋烧毁\"}"), 400,
				"charity.kinds-invalid");
		String need = idOf(township.json("POST", path, need("3000", "房屋烧毁，一家四口需要过冬衣物和取暖")));
		assertProblem(township.json("POST", path, need("1000", "还需要其他帮助")), 409, "charity.need-live");

		String board = charity.get("/api/v1/needs").body();
		assertThat(board).contains(need).contains("\"displayName\":\"才某\"").contains("倒淌河镇")
			.doesNotContain("才让").doesNotContain("13909741234").doesNotContain(number)
			.doesNotContain("632521101201");
		assertThat(charity.get("/api/v1/needs/" + need).body()).doesNotContain(number).doesNotContain("才让");
		assertProblem(charity.get("/api/v1/cases/" + number), 403, "casework.out-of-scope");
		assertThat(township.get("/api/v1/cases/" + number + "/timeline").body()).contains("SHARING_BASIS_CONSENT")
			.contains("NEED_PUBLISHED");
	}

	@Test
	void matchesDeterministicallyAndExplainsEveryScore() {
		String broad = idOf(project("全县火灾救助", "[\"FIRE\"]", "[\"632521\"]", "5000", "100000", "\"棉被、米面油\""));
		String small = idOf(project("倒淌河镇小额帮扶", "[]", "[\"632521101\"]", "1000", "1500", "null"));
		String elsewhere = idOf(project("龙羊峡镇助学", "[\"SCHOOLING_SPENDING\"]", "[\"632521102\"]", "2000", "9000",
				"null"));
		String poorest = idOf(charity.json("POST", "/api/v1/charity-projects", """
				{"name": "特困人员专项", "causes": ["FIRE"], "regions": ["632521"], "perCaseMax": 5000, "budget": 50000,
				 "targetGroups": ["EXTREME_POVERTY_SUPPORT"]}"""));
		String need = publishedNeed("3000");

		Page matches = township.get("/api/v1/needs/" + need + "/matches");
		String body = matches.body();
		assertThat(body.indexOf(broad)).as(body).isLessThan(body.indexOf(small)).isNotNegative();
		assertThat(body).doesNotContain(elsewhere).as("serves only a group the family is not in").doesNotContain(poorest);
		// cause 40 + budget 30 + per case 20 + goods 10
		assertThat(body).contains("{\"needId\":\"" + need + "\",\"projectId\":\"" + broad + "\",\"score\":100,"
				+ "\"reasons\":[{\"code\":\"REGION\",\"points\":0},{\"code\":\"CAUSE\",\"points\":40},"
				+ "{\"code\":\"BUDGET\",\"points\":30},{\"code\":\"PER_CASE\",\"points\":20},{\"code\":\"GOODS\",\"points\":10}]}");
		// any cause 20 + 1,500 of 3,000 → 15 + 1,000 of 3,000 → 6
		assertThat(body).contains("\"projectId\":\"" + small + "\",\"score\":41");
		assertThat(charity.get("/api/v1/needs/" + need + "/matches").body()).isEqualTo(body);
		assertThat(charity.get("/api/v1/charity-projects/" + small + "/matches").body()).contains(need);
	}

	@Test
	void neverCommitsBeyondAProjectsBudgetUnderConcurrentClaims() throws Exception {
		String project = idOf(project("应急小额基金", "[]", "[\"632521\"]", "1000", "1000", "null"));
		List<String> needs = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			needs.add(publishedNeed("400"));
		}
		var barrier = new CyclicBarrier(needs.size());
		var pool = Executors.newFixedThreadPool(needs.size());
		List<Callable<Page>> claims = new ArrayList<>();
		for (int i = 0; i < needs.size(); i++) {
			Visitor who = i % 2 == 0 ? charity : colleague;
			String need = needs.get(i);
			claims.add(() -> {
				barrier.await();
				return who.json("POST", "/api/v1/needs/" + need + "/claims",
						"{\"projectId\": \"" + project + "\", \"amount\": 400}");
			});
		}
		List<Integer> statuses = new ArrayList<>();
		for (Future<Page> answer : pool.invokeAll(claims)) {
			statuses.add(answer.get().status());
			assertThat(answer.get().status()).as(answer.get().body()).isIn(201, 422);
		}
		pool.shutdown();

		assertThat(statuses.stream().filter(status -> status == 201)).hasSize(2);
		assertThat(charity.get("/api/v1/charity-projects/" + project).body()).contains("\"committed\":800.00")
			.contains("\"remaining\":200.00");
	}

	@Test
	void confirmsADeliveryIntoTheChainAndTheTimeline() {
		String project = idOf(project("冬季温暖包", "[\"FIRE\"]", "[\"632521\"]", "2000", "50000", "\"棉被\""));
		String number = basedCase();
		String need = idOf(township.json("POST", "/api/v1/cases/" + number + "/needs",
				need("1500", "房屋烧毁，需要棉被和过冬衣物")));

		assertProblem(charity.json("POST", "/api/v1/needs/" + need + "/claims",
				"{\"projectId\": \"" + project + "\", \"amount\": 1600}"), 422, "charity.over-need");
		assertProblem(township.json("POST", "/api/v1/needs/" + need + "/claims",
				"{\"projectId\": \"" + project + "\", \"amount\": 100}"), 403, "charity.not-allowed");
		String claim = idOf(charity.json("POST", "/api/v1/needs/" + need + "/claims",
				"{\"projectId\": \"" + project + "\", \"amount\": 1500}"));
		assertProblem(colleague.json("POST", "/api/v1/needs/" + need + "/claims",
				"{\"projectId\": \"" + project + "\", \"amount\": 100}"), 409, "charity.need-taken");
		assertProblem(township.json("POST", "/api/v1/charity-claims/" + claim + "/confirmation", ""), 409,
				"charity.claim-not-delivered");
		assertProblem(charity.json("POST", "/api/v1/charity-claims/" + claim + "/delivery", "{\"note\": \"\"}"), 400,
				"charity.delivery-note-required");
		assertThat(charity.json("POST", "/api/v1/charity-claims/" + claim + "/delivery",
				"{\"note\": \"送去棉被 4 床、羽绒服 4 件，折价 1500 元\"}").body()).contains("\"status\":\"DELIVERED\"");
		assertProblem(charity.json("POST", "/api/v1/charity-claims/" + claim + "/confirmation", ""), 403,
				"charity.not-allowed");
		assertThat(township.json("POST", "/api/v1/charity-claims/" + claim + "/confirmation", "").body())
			.contains("\"status\":\"CONFIRMED\"");

		assertThat(township.get("/api/v1/cases/" + number + "/assistance-chain").body())
			.contains("\"scheme\":\"CHARITY\"").contains("\"amount\":1500.00").contains("棉被 4 床");
		assertThat(township.get("/api/v1/cases/" + number + "/timeline").body()).contains("NEED_CLAIMED")
			.contains("CHARITY_DELIVERED").contains("CHARITY_CONFIRMED");
		assertThat(township.get("/api/v1/needs/" + need).body()).contains("\"status\":\"CONFIRMED\"");
	}

	private String publishedNeed(String amount) {
		return idOf(township.json("POST", "/api/v1/cases/" + basedCase() + "/needs",
				need(amount, "房屋烧毁，需要过冬衣物和取暖")));
	}

	private String basedCase() {
		String number = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909741234", "FIRE"));
		assertThat(township.json("POST", "/api/v1/cases/" + number + "/sharing-basis",
				"{\"basis\": \"ENTRUSTMENT\", \"reference\": \"委托协议 2026-7\"}").status()).isEqualTo(200);
		return number;
	}

	private Page project(String name, String causes, String regions, String perCase, String budget, String goods) {
		return charity.json("POST", "/api/v1/charity-projects", """
				{"name": "%s", "causes": %s, "regions": %s, "perCaseMax": %s, "budget": %s, "goods": %s}"""
			.formatted(name, causes, regions, perCase, budget, goods));
	}

	private static String need(String amount, String summary) {
		return "{\"kinds\": [\"CASH\", \"GOODS\"], \"amount\": %s, \"summary\": \"%s\"}".formatted(amount, summary);
	}

	/**
	 * A charity starts a project by ticking the causes it helps with by their Chinese names; a refused form comes
	 * back with everything as it was typed and the reason.
	 */
	@Test
	void startsAProjectWithCausesChosenByNameAndKeepsTheFormWhenRefused() {
		String page = charity.get("/charity/projects").body();
		assertThat(page).as("causes offered by name, not typed as codes").contains("火灾").contains("value=\"FIRE\"")
			.doesNotContain("困难类型代码");
		assertThat(page).as("areas offered by name, the county ticked").contains("倒淌河镇")
			.contains("value=\"632521101\"")
			.containsPattern("value=\"632521\"\\s+checked")
			.doesNotContain("地区代码");
		String name = "冬季送温暖" + System.nanoTime();
		Page refused = charity.post("/charity/projects", java.util.Map.of("name", name, "description", "为受灾家庭送棉被",
				"causes", "FIRE", "regions", "632521", "perCaseMax", "很多", "budget", "20000"));
		assertThat(refused.status()).as("refused, on the same page").isBetween(400, 499);
		assertThat(refused.body()).as("the reason, and the form as typed").contains("class=\"problem\"")
			.contains("value=\"" + name + "\"")
			.contains("为受灾家庭送棉被")
			.containsPattern("value=\"FIRE\"\\s+checked")
			.contains("id=\"project-amount-problem\"");
		Page started = charity.post("/charity/projects", java.util.Map.of("name", name, "causes", "FIRE",
				"regions", "632521", "perCaseMax", "800", "budget", "20000"));
		assertThat(started.status()).as(started.body()).isEqualTo(302);
		assertThat(charity.get("/charity/projects").body()).contains(name);
	}

}
