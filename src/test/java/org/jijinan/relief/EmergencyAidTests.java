package org.jijinan.relief;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * Emergency aid first (先行救助): a township officer grants at once, up to the limit, from the township's reserve
 * fund, whose balance never goes below zero. (The paperwork deadline is watched in supervision's
 * {@code EmergencyPaperworkTests}.)
 */
@SystemTest
class EmergencyAidTests {

	static final DivisionCode LONGYANGXIA = new DivisionCode("632521102");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	java.time.Clock clock;

	Visitor clerk;

	Visitor officer;

	String officerName;

	Visitor colleague;

	Visitor county;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port, staff.active(LONGYANGXIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		var officerAccount = staff.active(LONGYANGXIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		officerName = officerAccount.username();
		officer = StaffFixtures.signedIn(port, officerAccount);
		colleague = StaffFixtures.signedIn(port,
				staff.active(LONGYANGXIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
	}

	@Test
	void grantsAtOnceFromTheReserveAndKeepsTheLedger() {
		String reference = "GH-BYJ-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(topUp("1800", reference).status()).isEqualTo(200);
		assertProblem(topUp("1800", reference), 409, "relief.reserve-reference-used");
		assertProblem(officer.json("POST", "/api/v1/reserve-funds/632521102/top-ups",
				"{\"amount\": 100, \"reference\": \"X-1\"}"), 403, "relief.not-allowed");
		String before = balance();

		String number = emergencyCase();
		assertProblem(grant(number, "2000.01"), 422, "relief.over-emergency-limit");
		assertProblem(grant(number, "0"), 422, "relief.amount-invalid");
		assertProblem(clerk.json("POST", "/api/v1/cases/" + number + "/emergency-aid", body("100")), 403,
				"relief.not-allowed");
		Page granted = grant(number, "1200");

		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		assertThat(granted.body()).contains("\"amount\":1200.00").contains("\"grantedBy\":\"" + officerName + "\"")
			.contains("paperworkDue");
		assertThat(new java.math.BigDecimal(balance())).isEqualByComparingTo(
				new java.math.BigDecimal(before).subtract(new java.math.BigDecimal("1200")));
		String voucher = voucherOf(granted);
		assertThat(voucher).startsWith("XJ-" + year() + "-");
		assertThat(officer.get("/api/v1/reserve-funds/632521102").body()).contains("\"kind\":\"SPENDING\"")
			.contains("\"reference\":\"" + voucher + "\"")
			.doesNotContain(idOf(granted));
		assertThat(officer.get("/cases/" + number + "/relief").body()).contains("先行救助凭证 " + voucher);
		assertThat(officer.get("/api/v1/cases/" + number + "/timeline").body())
			.contains("先行救助凭证 " + voucher + "：现金 1200.00 元");
		assertProblem(grant(number, "100"), 409, "relief.emergency-aid-granted");
		assertThat(officer.get("/api/v1/cases/" + number + "/assistance-chain").body())
			.contains("\"scheme\":\"EMERGENCY\"").contains("\"amount\":1200.00");
	}

	@Test
	void neverLetsTheBalanceGoBelowZeroWhenTwoOfficersSpendAtOnce() throws Exception {
		drain();
		topUp("1500", "GH-BYJ-" + UUID.randomUUID().toString().substring(0, 8));
		String first = emergencyCase();
		String second = emergencyCase();
		var barrier = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		List<Callable<Page>> grants = List.of(() -> {
			barrier.await();
			return officer.json("POST", "/api/v1/cases/" + first + "/emergency-aid", body("1000"));
		}, () -> {
			barrier.await();
			return colleague.json("POST", "/api/v1/cases/" + second + "/emergency-aid", body("1000"));
		});
		List<Integer> statuses = pool.invokeAll(grants).stream().map(future -> {
			try {
				return future.get().status();
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		}).toList();
		pool.shutdown();

		assertThat(statuses).containsExactlyInAnyOrder(201, 422);
		assertThat(balance()).isEqualTo("500.00");
		String loser = officer.get("/api/v1/cases/" + first + "/emergency-aid").body().equals("[]") ? first : second;
		assertThat(officer.get("/api/v1/cases/" + loser + "/emergency-aid").body()).isEqualTo("[]");
		assertThat(officer.get("/api/v1/cases/" + loser + "/assistance-chain").body()).doesNotContain("EMERGENCY");
	}

	@Test
	void numbersVouchersGrantedAtOnceEachItsOwn() throws Exception {
		topUp("4000", "GH-BYJ-" + UUID.randomUUID().toString().substring(0, 8));
		List<String> numbers = List.of(emergencyCase(), emergencyCase(), emergencyCase(), emergencyCase());
		var barrier = new CyclicBarrier(numbers.size());
		var pool = Executors.newFixedThreadPool(numbers.size());
		List<Visitor> officers = List.of(officer, colleague, officer, colleague);
		List<Callable<Page>> grants = new java.util.ArrayList<>();
		for (int i = 0; i < numbers.size(); i++) {
			Visitor by = officers.get(i);
			String number = numbers.get(i);
			grants.add(() -> {
				barrier.await();
				return by.json("POST", "/api/v1/cases/" + number + "/emergency-aid", body("500"));
			});
		}
		List<Page> granted = pool.invokeAll(grants).stream().map(future -> {
			try {
				return future.get();
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		}).toList();
		pool.shutdown();

		assertThat(granted).extracting(Page::status).containsOnly(201);
		List<String> vouchers = granted.stream().map(EmergencyAidTests::voucherOf).toList();
		assertThat(vouchers).as("four grants at once, four numbers").doesNotHaveDuplicates()
			.allMatch(voucher -> voucher.matches("XJ-" + year() + "-[0-9]{6}"));
	}

	@Test
	void handsOutGoodsChosenFromTheTownshipsStockAndRefusesMoreThanIsOnHandBesideTheField() {
		topUp("3000", "GH-BYJ-" + UUID.randomUUID().toString().substring(0, 8));
		String item = "棉被-" + UUID.randomUUID().toString().substring(0, 6);
		Page received = officer.json("POST", "/api/v1/goods-stocks/632521102/receipts",
				"{\"item\": \"%s\", \"unit\": \"床\", \"quantity\": 5, \"reference\": \"RK-%s\"}".formatted(item,
						UUID.randomUUID().toString().substring(0, 8)));
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		String number = emergencyCase();
		String before = balance();
		assertThat(officer.get("/cases/" + number + "/relief").body()).as("the form offers the township's stock")
			.contains(">" + item + "（库存 5 床）</option>");

		Map<String, String> tooMany = Map.of("cause", "FIRE", "amount", "600", "situation", "房屋夜间失火，一家人无处安身",
				"goodsItem", item, "goodsQuantity", "6");
		Page refused = officer.post("/cases/" + number + "/relief/emergency-aid", tooMany);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).as("the reason beside the goods, and the form as typed")
			.containsPattern("id=\"emergency-goods-problem\"[^>]*>" + item + " 库存只有 5 床，不能发放 6 床。<")
			.contains("value=\"600\"")
			.contains(">房屋夜间失火，一家人无处安身</textarea>")
			.containsPattern("<option value=\"" + item + "\" selected=\"selected\"")
			.contains("value=\"6\"");
		assertThat(officer.get("/api/v1/cases/" + number + "/emergency-aid").body()).as("nothing written").isEqualTo("[]");
		assertThat(balance()).isEqualTo(before);
		assertThat(stockOf(item)).isEqualTo(5);
		assertProblem(officer.json("POST", "/api/v1/cases/" + number + "/emergency-aid", """
				{"cause": "FIRE", "amount": 600, "situation": "房屋夜间失火，一家人无处安身",
				 "items": [{"item": "帐篷-不存在", "quantity": 1}]}"""), 422, "relief.goods-not-in-stock");

		Page granted = officer.post("/cases/" + number + "/relief/emergency-aid",
				Map.of("cause", "FIRE", "amount", "600", "situation", "房屋夜间失火，一家人无处安身", "goodsItem", item,
						"goodsQuantity", "2"));
		assertThat(granted.status()).as(granted.body()).isEqualTo(302);
		assertThat(stockOf(item)).as("taken from the stock in the grant").isEqualTo(3);
		String grants = officer.get("/api/v1/cases/" + number + "/emergency-aid").body();
		assertThat(grants).contains("\"goods\":\"" + item + " 2 床\"");
		String voucher = grants.replaceAll("(?s).*\"number\":\"(XJ-[0-9]{4}-[0-9]{6})\".*", "$1");
		assertThat(officer.get("/relief/reserve").body()).as("the reserve page shows the issue on the goods ledger")
			.containsPattern("<td>发放</td>\\s*<td>" + item + "</td><td>2 床</td>\\s*<td>" + voucher + "</td>");
		assertThat(officer.get("/api/v1/cases/" + number + "/assistance-chain").body())
			.as("the goods are not counted as cash").contains("\"amount\":600.00,\"goodsValue\":0.00,\"goods\":\"" + item + " 2 床\"")
			.contains("\"totals\":{\"EMERGENCY\":600.00}");
	}

	private int stockOf(String item) {
		return Integer.parseInt(officer.get("/api/v1/goods-stocks/632521102").body()
			.replaceAll("(?s).*\"item\":\"" + item + "\",\"unit\":\"[^\"]+\",\"quantity\":([0-9]+).*", "$1"));
	}

	private int year() {
		return clock.instant().atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear();
	}

	private static String voucherOf(Page granted) {
		String voucher = granted.body().replaceAll("(?s).*\"number\":\"(XJ-[0-9]{4}-[0-9]{6})\".*", "$1");
		assertThat(voucher).as(granted.body()).matches("XJ-[0-9]{4}-[0-9]{6}");
		return voucher;
	}

	private void drain() {
		java.math.BigDecimal left = new java.math.BigDecimal(balance());
		if (left.signum() > 0) {
			String number = emergencyCase();
			jdbc.sql("update relief_reserve set balance = 0 where township = '632521102'").update();
			assertThat(number).isNotBlank();
		}
	}

	@Test
	void givesAidFirstToAnUnlinkedCaseAndAsksForThePersonBeforeTemporaryAssistanceAndThePaperwork() {
		assertThat(topUp("1500", "GH-BYJ-" + UUID.randomUUID().toString().substring(0, 8)).status()).isEqualTo(200);
		String number = emergencyCase();
		Page granted = grant(number, "800");
		assertThat(granted.status()).as("aid first, whoever the person turns out to be").isEqualTo(201);
		String grantId = CaseFixtures.idOf(granted);
		officer.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"INVESTIGATING\"}");

		assertProblem(officer.json("POST", "/api/v1/cases/" + number + "/decisions", ReliefStaff.proposal("1000", "")),
				422, "relief.case-not-linked");
		assertProblem(officer.json("POST", "/api/v1/emergency-aid/" + grantId + "/paperwork",
				"{\"note\": \"已补签领款收据和审批表\"}"), 422, "relief.case-not-linked");
		assertProblem(officer.json("POST", "/api/v1/cases/" + number + "/person", "{}"), 400,
				"casework.person-required");
		assertProblem(officer.json("POST", "/api/v1/cases/" + number + "/person",
				"{\"personId\": \"" + UUID.randomUUID() + "\"}"), 404, "people.person-not-found");

		String person = CaseFixtures.linkedToNewPerson(officer, number);
		String household = CaseFixtures.idOf(officer.json("POST", "/api/v1/households",
				"{\"headId\": \"%s\"}".formatted(person)));
		assertThat(jdbc.sql("select count(*) from relief_assistance where case_number = :n and person_id = :p::uuid")
			.param("n", number)
			.param("p", person)
			.query(Long.class)
			.single()).as("the aid given first is now in the person's chain").isEqualTo(1);
		assertProblem(officer.json("POST", "/api/v1/cases/" + number + "/person",
				"{\"personId\": \"" + person + "\"}"), 409, "casework.person-linked-already");
		String second = emergencyCase();
		assertProblem(officer.json("POST", "/api/v1/cases/" + second + "/person", "{\"personId\": \"" + person + "\"}"),
				409, "casework.household-has-open-case");
		assertThat(household).isNotBlank();

		Page proposed = officer.json("POST", "/api/v1/cases/" + number + "/decisions", ReliefStaff.proposal("1000", ""));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		assertThat(officer.json("POST", "/api/v1/emergency-aid/" + grantId + "/paperwork",
				"{\"note\": \"已补签领款收据和审批表\"}").status()).isEqualTo(200);
	}

	private String balance() {
		return county.get("/api/v1/reserve-funds/632521102").body().replaceAll("(?s).*\"balance\":([0-9.]+).*", "$1");
	}

	private Page topUp(String amount, String reference) {
		return county.json("POST", "/api/v1/reserve-funds/632521102/top-ups",
				"{\"amount\": %s, \"reference\": \"%s\", \"note\": \"县民政局拨付乡镇备用金\"}".formatted(amount, reference));
	}

	private Page grant(String number, String amount) {
		return officer.json("POST", "/api/v1/cases/" + number + "/emergency-aid", body(amount));
	}

	private static String body(String amount) {
		return """
				{"cause": "FIRE", "amount": %s, "goods": "棉被 2 床、方便食品一箱", "situation": "房屋夜间失火，一家人无处安身"}"""
			.formatted(amount);
	}

	private String emergencyCase() {
		String body = """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterName": "邻居", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "13909746666", "subjectName": "卓玛", "village": "632521102201",
				 "description": "夜间失火，房屋烧毁", "causes": ["FIRE"]}""";
		return org.jijinan.casework.CaseFixtures.acceptedCase(clerk, officer, body);
	}

}
