package org.jijinan.reporting;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.region.RegionDirectory;
import org.jijinan.relief.AssistanceRecords;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public accounts (Order 649 art. 62): anyone reads a month's money by township and scheme without signing in,
 * and no figure of fewer than five households is shown, nor one that the totals would give away.
 */
@SystemTest
class PublicAccountsTests {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Pattern FEW = Pattern.compile("<td[^>]*>\\s*[1-4] 户");

	@LocalServerPort
	int port;

	@Autowired
	AssistanceRecords records;

	@Autowired
	RegionDirectory regions;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void showsAMonthsMoneyByTownshipAndSchemeWithNoCellUnderFiveHouseholds() {
		YearMonth month = YearMonth.now(CHINA).minusMonths(4);
		// 沙珠玉乡: 6 households of temporary assistance, 2 of medical assistance, 7 of charity; 铁盖乡: 3 of charity;
		// 恰卜恰镇: 5 of charity.
		give("632521202", "TEMPORARY", 6, "500.00", month);
		give("632521202", "MEDICAL", 2, "3000.00", month);
		give("632521202", "CHARITY", 7, "200.00", month);
		give("632521203", "CHARITY", 3, "200.00", month);
		give("632521100", "CHARITY", 5, "200.00", month);

		Page page = new Visitor(port).get("/public/accounts?month=" + month);

		assertThat(page.status()).isEqualTo(200);
		String body = page.body();
		assertThat(body).contains("救助资金使用公开").contains("沙珠玉乡").contains("铁盖乡")
			.contains(month.getYear() + " 年 " + month.getMonthValue() + " 月");
		assertThat(body).as("沙珠玉乡's charity: 7 households, 1,400 yuan").contains("7 户 / 1,400");
		assertThat(body).as("沙珠玉乡 in all").contains("15 户 / 10,400");
		assertThat(body).as("medical's 2 households are withheld").contains("不足5户");
		assertThat(FEW.matcher(body).find()).as("no shown cell counts 1 to 4 households").isFalse();
		assertThat(body).as("temporary's 6 would give medical's 2 away from the township's total")
			.doesNotContain("6 户 / 3,000");
		assertThat(body).as("恰卜恰镇's 5 would give 铁盖乡's 3 away from charity's total")
			.doesNotContain("5 户 / 1,000");
		assertThat(body).doesNotContain("受助人");
	}

	@Test
	void aMonthThatCannotBeShownIsRefusedBesideTheChoiceAndTheLatestShown() {
		Visitor anyone = new Visitor(port);
		Page malformed = anyone.get("/public/accounts?month=2026-13");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body()).contains("请选择最近 12 个月中的一个月").contains("id=\"accounts\"");
		Page tooOld = anyone.get("/public/accounts?month=2019-01");
		assertThat(tooOld.status()).isEqualTo(422);
		assertThat(anyone.get("/public/accounts?month=" + YearMonth.now(CHINA) + "&lang=bo").body())
			.contains("རོགས་རམ་མ་དངུལ་བེད་སྤྱོད་ཁྱབ་བསྒྲགས།");
	}

	private void give(String township, String scheme, int households, String amount, YearMonth month) {
		String path = regions.path(new DivisionCode(township));
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < households; i++) {
				records.record(new AssistanceRecords.Received(scheme, "FIRE", "PUB-" + UUID.randomUUID(),
						UUID.randomUUID(), UUID.randomUUID(), "受助人", path, null, new BigDecimal(amount), null,
						"test", "测试", month.atDay(10).atTime(LocalTime.NOON).atZone(CHINA).toInstant()));
			}
		});
	}

}
