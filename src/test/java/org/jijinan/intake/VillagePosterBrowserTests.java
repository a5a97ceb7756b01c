package org.jijinan.intake;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jijinan.Browser;
import org.jijinan.SystemTest;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.region.Places;
import org.jijinan.region.TestVillages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jijinan.Journeys.record;
import static org.jijinan.Journeys.signIn;

/**
 * The county administrator, on an office screen, clicks only what the pages show: from her home page to the village
 * posters, to 龙羊峡镇, to one village's poster — printed on one A4 sheet, with the village, the hotline, the line in
 * Tibetan and a QR code that reads as the village's link — and back, to download all posters of the township in one
 * PDF: a page for each current village, each named, none for the retired one, and a QR code a phone reads.
 */
@SystemTest
class VillagePosterBrowserTests {

	static final String TOWNSHIP = "632521102";

	/** A community of the township, first in its list. */
	static final String COMMUNITY = "632521102100";

	static final String RETIRED = "632521102290";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Places places;

	Opened administrator;

	@BeforeEach
	void villages() {
		TestVillages.ensure(context, COMMUNITY, "龙羊峡海报社区");
		TestVillages.retired(context, RETIRED, "龙羊峡旧村", "2020-12-31");
		administrator = StaffFixtures.from(context)
			.named("管理员央金", StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR);
	}

	@Test
	void theAdministratorPrintsAVillagesPosterAndDownloadsAllPostersOfATownship() throws Exception {
		List<Places.Village> current = places.villagesFor(StaffFixtures.COUNTY)
			.stream()
			.filter(township -> township.code().value().equals(TOWNSHIP))
			.findFirst()
			.orElseThrow()
			.villages();
		String link = "http://localhost:" + port + "/public/apply?village=" + COMMUNITY;
		try (Browser office = Browser.start(port, 1366, 900)) {
			signIn(office, administrator);
			office.click("村级求助海报");
			office.click("龙羊峡镇");
			assertThat(office.text(By.id("poster-villages"))).contains("龙羊峡海报社区").doesNotContain("龙羊峡旧村");
			office.click("打印海报");
			assertThat(office.text(By.id("poster-village"))).isEqualTo("龙羊峡海报社区");
			assertThat(office.text(By.id("poster-place"))).isEqualTo("共和县 龙羊峡镇");
			assertThat(office.text(By.id("poster-hotline"))).as("the hotline in Chinese and Tibetan")
				.startsWith("社会救助热线").contains("སྤྱི་ཚོགས་རོགས་རམ་ཁ་པར།").endsWith("12349");
			assertThat(office.text(By.id("poster-tibetan-heading"))).isEqualTo("ཛ་དྲག་དཀའ་ངལ་འཕྲད་ན་ཨང་རྟགས་བཤེར་ནས་རོགས་རམ་ཞུ།");
			assertThat(office.text(By.id("poster-tibetan"))).isEqualTo(PosterDocumentTests.TIBETAN);
			assertThat(office.text(By.id("poster-address"))).endsWith("localhost:" + port);
			assertThat(qrOnPage(office)).as("the QR code on the page").isEqualTo(link);
			assertThat(pagesPrinted(office)).as("printed on one A4 sheet").isEqualTo(1);
			office.screenshot("village-poster");
			record("posters", "administrator opens a village's poster to print", office);

			office.journey().reset();
			office.click("返回村（社区）列表");
			office.click("下载本乡镇全部海报（PDF）");
			Path pdf = downloaded(office);
			assertThat(PrintedPosters.pages(pdf)).as("a page per current village").isEqualTo(current.size());
			String[] pages = PrintedPosters.text(pdf).split("\f");
			for (int page = 0; page < current.size(); page++) {
				assertThat(pages[page]).contains(current.get(page).name());
			}
			assertThat(String.join("", pages)).doesNotContain("龙羊峡旧村").contains(PosterDocumentTests.TIBETAN);
			assertThat(PrintedPosters.qrCode(pdf, 1)).as("the first page's QR code").isEqualTo(link);
			record("posters", "administrator downloads all posters of a township", office);
		}
	}

	private static String qrOnPage(Browser office) throws Exception {
		String source = office.driver().findElement(By.id("poster-qr")).getAttribute("src");
		byte[] png = Base64.getDecoder().decode(source.substring(source.indexOf(',') + 1));
		return PrintedPosters.qrCode(ImageIO.read(new ByteArrayInputStream(png)));
	}

	/**
	 * @return how many sheets the page takes when printed, as Chromium prints it
	 */
	private static int pagesPrinted(Browser office) throws Exception {
		Map<String, Object> printed = ((ChromeDriver) office.driver()).executeCdpCommand("Page.printToPDF",
				Map.of("preferCSSPageSize", true, "printBackground", true));
		Path pdf = Files.createTempFile("poster-printed", ".pdf");
		Files.write(pdf, Base64.getDecoder().decode((String) printed.get("data")));
		return PrintedPosters.pages(pdf);
	}

	private static Path downloaded(Browser office) {
		new WebDriverWait(office.driver(), Duration.ofSeconds(30)).until(d -> !office.downloadedFiles(".pdf").isEmpty());
		return office.downloadedFiles(".pdf").get(0);
	}

}
