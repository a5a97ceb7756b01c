package org.jijinan.charity;

import java.util.Map;
import java.util.UUID;

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

/**
 * The public fund: the county records donations and grants, the balance never goes below zero, a grant reaches the
 * family's assistance chain, and anyone can read the ledger — which names families by surname and township only.
 */
@SystemTest
class PublicFundTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Visitor county;

	Visitor township;

	Visitor clerk;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		county = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER));
		township = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		clerk = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.DAOTANGHE, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
	}

	@Test
	void publishesEveryDonationAndGrantWithoutNamingTheFamily() {
		String receipt = "SJ-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(county.json("POST", "/api/v1/public-fund/income",
				"{\"amount\": 5000, \"donor\": \"\", \"purpose\": \"冬季救急难募捐\", \"reference\": \"" + receipt + "\"}")
			.status()).isEqualTo(200);
		assertProblem(county.json("POST", "/api/v1/public-fund/income",
				"{\"amount\": 5000, \"purpose\": \"重复登记\", \"reference\": \"" + receipt + "\"}"), 409,
				"charity.fund-reference-used");
		assertProblem(township.json("POST", "/api/v1/public-fund/income",
				"{\"amount\": 10, \"purpose\": \"乡镇登记\", \"reference\": \"X-1\"}"), 403, "charity.not-allowed");
		assertProblem(county.json("POST", "/api/v1/public-fund/income",
				"{\"amount\": -5, \"purpose\": \"负数\", \"reference\": \"X-2\"}"), 422, "charity.amount-invalid");

		String number = CaseFixtures.acceptedCase(clerk, township, IntakeTests.request("URGENT", "13909741234", "FIRE"));
		String balance = county.get("/api/v1/public-fund").body().replaceAll("(?s)^\\{\"balance\":([0-9.]+).*", "$1");
		assertProblem(county.json("POST", "/api/v1/public-fund/grants", "{\"caseNumber\": \"" + number
				+ "\", \"amount\": " + new java.math.BigDecimal(balance).add(java.math.BigDecimal.ONE)
				+ ", \"purpose\": \"超额\", \"reference\": \"ZC-X\"}"), 422, "charity.fund-insufficient");
		Page granted = county.json("POST", "/api/v1/public-fund/grants", "{\"caseNumber\": \"" + number
				+ "\", \"amount\": 1200, \"purpose\": \"火灾后临时安置\", \"reference\": \"ZC-" + receipt + "\"}");
		assertThat(granted.status()).as(granted.body()).isEqualTo(200);

		Page page = new Visitor(port).get("/public/fund");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("匿名").contains("冬季救急难募捐").contains("才某 · 倒淌河镇")
			.contains("火灾后临时安置").doesNotContain("才让").doesNotContain(number).doesNotContain("13909741234");
		assertThat(township.get("/api/v1/cases/" + number + "/assistance-chain").body())
			.contains("\"scheme\":\"CHARITY\"").contains("救急难公益基金").contains("\"amount\":1200.00");
		assertThat(county.get("/charity/fund").body()).contains("record-grant");
		assertThat(township.get("/charity/fund").body()).doesNotContain("record-grant");
		Page refused = county.post("/charity/fund/grants", Map.of("caseNumber", number, "amount", "一千",
				"purpose", "安置", "reference", "ZC-Y"));
		assertThat(refused.status()).isEqualTo(422);
	}

}
