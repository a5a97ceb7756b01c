package org.jijinan.intake;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who prints village posters, and of which villages: administrators and the county's civil-affairs reviewers and
 * approvers, only the current villages of their own area. Others are not offered the page and are refused it; an
 * unknown or retired township or village is "not found" on a page that says so.
 */
@SystemTest
class PosterAccessTests {

	static final String POSTERS = "/intake/posters";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	StaffFixtures staff;

	@BeforeEach
	void villages() {
		TestVillages.ensure(context, VillagePosterBrowserTests.COMMUNITY, "龙羊峡海报社区");
		TestVillages.retired(context, VillagePosterBrowserTests.RETIRED, "龙羊峡旧村", "2020-12-31");
		staff = StaffFixtures.from(context);
	}

	@Test
	void rolesThatDoNotPrintPostersAreNotOfferedThemAndAreRefused() {
		var clerk = staff.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		var leader = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.LEADER);
		for (var account : new StaffFixtures.Opened[] { clerk, leader }) {
			Visitor visitor = StaffFixtures.signedIn(port, account);
			assertThat(visitor.get("/").body()).doesNotContain("村级求助海报").doesNotContain(POSTERS);
			assertThat(visitor.get(POSTERS).status()).isEqualTo(403);
			assertThat(visitor.get(POSTERS + "/townships/632521100/posters.pdf").status()).isEqualTo(403);
			assertThat(visitor.get(POSTERS + "/villages/" + VillagePosterBrowserTests.COMMUNITY).status()).isEqualTo(403);
		}
	}

	@Test
	void aCountyReviewerPrintsThePostersOfTheWholeCounty() throws Exception {
		Visitor reviewer = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_REVIEWER));
		assertThat(reviewer.get("/").body()).contains("href=\"" + POSTERS + "\"").contains("村级求助海报");
		assertThat(reviewer.get(POSTERS).body()).contains("龙羊峡镇", "恰卜恰镇", "切吉乡")
			.as("retired townships have no posters")
			.doesNotContain("黑马河乡");

		byte[] pdf = reviewer.sendBytes(HttpRequest
			.newBuilder(reviewer.uri(POSTERS + "/villages/" + VillagePosterBrowserTests.COMMUNITY + "/poster.pdf")));
		Path file = Files.write(Files.createTempFile("poster", ".pdf"), pdf);
		assertThat(PrintedPosters.pages(file)).isEqualTo(1);
		assertThat(PrintedPosters.text(file)).contains("龙羊峡海报社区", "社会救助热线 12349");
	}

	@Test
	void aTownshipsAdministratorPrintsOnlyItsOwnVillages() {
		Visitor administrator = StaffFixtures.signedIn(port, staff.active(new DivisionCode("632521102"),
				UnitKind.TOWNSHIP_GOVERNMENT, Role.ADMINISTRATOR));
		assertThat(administrator.get(POSTERS).body()).contains("龙羊峡镇").doesNotContain("恰卜恰镇");
		assertThat(administrator.get(POSTERS + "/townships/632521102").status()).isEqualTo(200);

		Page otherTownship = administrator.get(POSTERS + "/townships/632521100/posters.pdf");
		assertThat(otherTownship.status()).isEqualTo(403);
		assertThat(otherTownship.body()).contains("这个乡镇或村（社区）不在您的管辖范围内。");
		assertThat(administrator.get(POSTERS + "/villages/632521100201").status()).isEqualTo(403);
	}

	@Test
	void anUnknownOrRetiredTownshipOrVillageIsNotFoundOnAPageThatSaysSo() {
		Visitor administrator = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		for (String township : new String[] { "632521999", "632521200", "632522100", "abc", "6325211020" }) {
			Page page = administrator.get(POSTERS + "/townships/" + township + "/posters.pdf");
			assertThat(page.status()).as(township).isEqualTo(404);
			assertThat(page.contentType()).startsWith("text/html");
			assertThat(page.body()).contains("本县没有这个乡镇，或它已撤销。请从乡镇列表中选择。")
				.contains("intake.poster-township-unknown");
			assertThat(administrator.get(POSTERS + "/townships/" + township).status()).isEqualTo(404);
		}
		for (String village : new String[] { VillagePosterBrowserTests.RETIRED, "632521102999", "x" }) {
			Page page = administrator.get(POSTERS + "/villages/" + village + "/poster.pdf");
			assertThat(page.status()).as(village).isEqualTo(404);
			assertThat(page.body()).contains("本县没有这个村（社区），或它已撤销。");
			assertThat(administrator.get(POSTERS + "/villages/" + village).status()).isEqualTo(404);
		}
	}

}
