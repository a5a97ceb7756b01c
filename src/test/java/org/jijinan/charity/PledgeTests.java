package org.jijinan.charity;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.IntakeTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * Individuals' pledges and volunteers: impossible quantities are refused, a volunteer's phone is shown masked, and
 * a need is offered the pledges of its area and kinds of help, those for its cause first, with the reasons.
 */
@SystemTest
class PledgeTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void offersANeedThePledgesThatFitItAndRefusesImpossibleOnes() {
		var staff = StaffFixtures.from(context);
		Visitor charity = StaffFixtures.signedIn(port, staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY,
				Role.CHARITY_OFFICER));
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));

		assertProblem(charity.json("POST", "/api/v1/pledges", pledge("MONEY", "10.001", "null", "632521")), 422,
				"charity.pledge-quantity-invalid");
		assertProblem(charity.json("POST", "/api/v1/pledges", pledge("GOODS", "2.5", "\"床\"", "632521")), 422,
				"charity.pledge-quantity-invalid");
		assertProblem(charity.json("POST", "/api/v1/pledges", pledge("HOURS", "20000", "null", "632521")), 422,
				"charity.pledge-quantity-invalid");
		assertProblem(charity.json("POST", "/api/v1/pledges", pledge("MONEY", "-1", "null", "632521")), 422,
				"charity.pledge-quantity-invalid");
		assertProblem(charity.json("POST", "/api/v1/pledges", pledge("LAND", "1", "null", "632521")), 400,
				"charity.pledge-kind-invalid");
		assertProblem(charity.json("POST", "/api/v1/pledges", """
				{"kind": "MONEY", "quantity": 100, "description": "冬季帮扶", "region": "632521",
				 "causes": ["a cause far too long to be any cause code the platform knows"]}"""), 400,
				"charity.causes-invalid");
		assertProblem(township.json("POST", "/api/v1/pledges", pledge("MONEY", "100", "null", "632521")), 403,
				"charity.not-allowed");
		String money = idOf(charity.json("POST", "/api/v1/pledges", pledge("MONEY", "2000", "null", "632521")));
		String goods = idOf(charity.json("POST", "/api/v1/pledges", pledge("GOODS", "20", "\"床\"", "632521101")));
		String elsewhere = idOf(charity.json("POST", "/api/v1/pledges", pledge("MONEY", "500", "null", "632521102")));
		String hours = idOf(charity.json("POST", "/api/v1/pledges", pledge("HOURS", "40", "null", "632521")));

		Page volunteer = charity.json("POST", "/api/v1/volunteers", """
				{"name": "王小明", "phone": "13897451234", "skills": ["心理咨询", "藏汉翻译"], "region": "632521",
				 "hoursAMonth": 16}""");
		assertThat(volunteer.body()).contains("138****1234").doesNotContain("13897451234");
		assertProblem(charity.json("POST", "/api/v1/volunteers",
				"{\"name\": \"李\", \"skills\": [], \"region\": \"632521\", \"hoursAMonth\": 0}"), 400,
				"charity.volunteer-name-required");

		String number = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909741234", "FIRE"));
		township.json("POST", "/api/v1/cases/" + number + "/sharing-basis",
				"{\"basis\": \"CONSENT\", \"reference\": \"同意书\"}");
		String need = idOf(township.json("POST", "/api/v1/cases/" + number + "/needs",
				"{\"kinds\": [\"CASH\", \"GOODS\"], \"amount\": 1000, \"summary\": \"房屋烧毁，需要被褥\"}"));

		String offered = charity.get("/api/v1/needs/" + need + "/pledges").body();
		assertThat(offered).contains(money).contains(goods).doesNotContain(elsewhere).doesNotContain(hours);
		assertThat(offered.indexOf(goods)).as(offered).isLessThan(offered.indexOf(money));
		assertThat(offered).contains("\"reasons\":[\"REGION\",\"KIND\",\"CAUSE\"]");

		Page page = charity.get("/charity/pledges");
		assertThat(page.body()).contains("王小明").contains("138****1234").doesNotContain("13897451234");
		assertThat(page.body()).as("areas by name, each list labelled").contains(">共和县</span>")
			.doesNotContain(">632521</span>")
			.contains("<label for=\"pledge-region\">地区</label>")
			.contains("<label for=\"volunteer-region\">地区</label>");
		Page impossible = charity.post("/charity/pledges", java.util.Map.of("kind", "GOODS", "quantity", "2.5", "unit",
				"床", "description", "棉被", "region", "632521"));
		assertThat(impossible.status()).isEqualTo(422);
		assertThat(impossible.body()).as("the reason beside the quantity, and what was typed")
			.contains("<p id=\"pledge-quantity-problem\" class=\"field-problem\" role=\"alert\">数量不合理")
			.contains("value=\"2.5\"")
			.contains("value=\"棉被\"");
		assertThat(township.get("/charity/pledges").status()).isEqualTo(403);
	}

	@Test
	void givesPartOfAPledgeToANeedNeverMoreThanIsLeft() throws Exception {
		var staff = StaffFixtures.from(context);
		Visitor charity = StaffFixtures.signedIn(port, staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY,
				Role.CHARITY_OFFICER));
		Visitor colleague = StaffFixtures.signedIn(port, staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY,
				Role.CHARITY_OFFICER));
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		String goods = idOf(charity.json("POST", "/api/v1/pledges", pledge("GOODS", "10", "\"床\"", "632521")));
		String hours = idOf(charity.json("POST", "/api/v1/pledges", pledge("HOURS", "40", "null", "632521")));
		String elsewhere = idOf(charity.json("POST", "/api/v1/pledges", pledge("GOODS", "5", "\"床\"", "632521102")));
		String number = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909741234", "FIRE"));
		township.json("POST", "/api/v1/cases/" + number + "/sharing-basis",
				"{\"basis\": \"CONSENT\", \"reference\": \"同意书\"}");
		String need = idOf(township.json("POST", "/api/v1/cases/" + number + "/needs",
				"{\"kinds\": [\"GOODS\"], \"amount\": 800, \"summary\": \"房屋烧毁，需要被褥\"}"));

		assertProblem(allocate(charity, need, hours, "2"), 422, "charity.pledge-does-not-fit");
		assertProblem(allocate(charity, need, elsewhere, "2"), 422, "charity.pledge-does-not-fit");
		assertProblem(allocate(charity, need, goods, "1.5"), 422, "charity.pledge-quantity-invalid");
		assertProblem(allocate(charity, need, goods, "0"), 422, "charity.pledge-quantity-invalid");
		assertProblem(allocate(charity, need, java.util.UUID.randomUUID().toString(), "1"), 404, "charity.pledge-unknown");
		assertProblem(allocate(township, need, goods, "1"), 403, "charity.not-allowed");
		Page first = allocate(charity, need, goods, "4");
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.body()).contains("\"remaining\":6");

		// two officers give the last six beds at once: one gets them, the other is told what is left
		var barrier = new java.util.concurrent.CyclicBarrier(2);
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		var answers = pool.invokeAll(java.util.List.<java.util.concurrent.Callable<Page>>of(() -> {
			barrier.await();
			return allocate(charity, need, goods, "6");
		}, () -> {
			barrier.await();
			return allocate(colleague, need, goods, "6");
		}));
		pool.shutdown();
		java.util.List<Integer> statuses = new java.util.ArrayList<>();
		for (var answer : answers) {
			statuses.add(answer.get().status());
		}
		assertThat(statuses).containsExactlyInAnyOrder(201, 422);
		assertThat(answers.stream().map(answer -> {
			try {
				return answer.get().body();
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		}).filter(body -> body.contains("charity.pledge-insufficient")).findFirst().orElseThrow()).contains("仅剩 0 床");
		assertThat(charity.get("/api/v1/needs/" + need + "/pledge-allocations").body()).contains("\"quantity\":4")
			.contains("\"quantity\":6");
		assertThat(township.get("/cases/" + number).body()).contains("爱心认捐分配到需求");

		String hoursLeft = idOf(charity.json("POST", "/api/v1/pledges", pledge("GOODS", "3", "\"件\"", "632521")));
		assertThat(charity.get("/charity/needs/" + need).body()).contains("分配个人认捐").contains("剩余 3 件");
		Page onThePage = charity.post("/charity/needs/" + need + "/pledge-allocations",
				java.util.Map.of("pledgeId", hoursLeft, "quantity", "5"));
		assertThat(onThePage.status()).isEqualTo(422);
		assertThat(onThePage.body()).as("the reason beside the quantity, on the need's page")
			.contains("<p id=\"allocate-quantity-problem\" class=\"field-problem\" role=\"alert\">这项认捐仅剩 3 件");
		assertThat(charity.post("/charity/needs/" + need + "/pledge-allocations",
				java.util.Map.of("pledgeId", hoursLeft, "quantity", "3")).status()).isEqualTo(302);
	}

	@Test
	void suggestsTheVolunteersOfTheNeedsAreaThoseWithTheSkillItNamesFirst() {
		var staff = StaffFixtures.from(context);
		Visitor charity = StaffFixtures.signedIn(port, staff.active(StaffFixtures.COUNTY, UnitKind.CHARITY,
				Role.CHARITY_OFFICER));
		Visitor clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		Visitor township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		String electrician = idOf(charity.json("POST", "/api/v1/volunteers", volunteer("电工老马", "电工", "632521", 100)));
		String counsellor = idOf(charity.json("POST", "/api/v1/volunteers", volunteer("心理老师", "心理咨询", "632521", 8)));
		String far = idOf(charity.json("POST", "/api/v1/volunteers", volunteer("外乡志愿者", "心理咨询", "632521102", 50)));
		String number = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909741234", "FIRE"));
		township.json("POST", "/api/v1/cases/" + number + "/sharing-basis",
				"{\"basis\": \"CONSENT\", \"reference\": \"同意书\"}");
		String need = idOf(township.json("POST", "/api/v1/cases/" + number + "/needs",
				"{\"kinds\": [\"VOLUNTEER\"], \"amount\": 0, \"summary\": \"孩子受惊吓，需要心理疏导\"}"));
		String other = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909741235", "FIRE"));
		township.json("POST", "/api/v1/cases/" + other + "/sharing-basis",
				"{\"basis\": \"CONSENT\", \"reference\": \"同意书\"}");
		String cash = idOf(township.json("POST", "/api/v1/cases/" + other + "/needs",
				"{\"kinds\": [\"CASH\"], \"amount\": 500, \"summary\": \"需要生活费\"}"));

		String suggested = charity.get("/api/v1/needs/" + need + "/volunteers").body();
		assertThat(suggested).contains(counsellor).contains(electrician).doesNotContain(far).doesNotContain("1389745");
		assertThat(suggested.indexOf(counsellor)).as("the skill the need names comes first")
			.isLessThan(suggested.indexOf(electrician));
		assertThat(suggested).contains("\"reasons\":[\"REGION\",\"KIND\",\"SKILL\"]");
		assertThat(charity.get("/api/v1/needs/" + cash + "/volunteers").body()).isEqualTo("[]");
		assertProblem(township.get("/api/v1/needs/" + need + "/volunteers"), 403, "charity.not-allowed");
	}

	private static String volunteer(String name, String skill, String region, int hours) {
		return """
				{"name": "%s", "phone": "13897451234", "skills": ["%s"], "region": "%s", "hoursAMonth": %d}"""
			.formatted(name, skill, region, hours);
	}

	private static Page allocate(Visitor who, String need, String pledge, String quantity) {
		return who.json("POST", "/api/v1/needs/" + need + "/pledge-allocations",
				"{\"pledgeId\": \"%s\", \"quantity\": %s}".formatted(pledge, quantity));
	}

	private static String pledge(String kind, String quantity, String unit, String region) {
		return """
				{"donorName": "", "kind": "%s", "quantity": %s, "unit": %s, "description": "冬季帮扶",
				 "region": "%s", "causes": %s}"""
			.formatted(kind, quantity, unit, region, kind.equals("GOODS") ? "[\"FIRE\"]" : "[]");
	}

}
