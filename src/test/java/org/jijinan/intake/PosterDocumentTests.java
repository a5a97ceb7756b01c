package org.jijinan.intake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jijinan.shared.DeploymentMode;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The posters' PDF without the platform: a page per village, the Chinese texts and the Tibetan line as text that can
 * be searched, and a QR code a phone reads as the village's link.
 */
class PosterDocumentTests {

	static final String TIBETAN = "དཀའ་ངལ་འཕྲད་ན་ཁ་པར་གཏོང་རོགས།";

	@Test
	void printsOnePagePerVillageWithItsLinkInTheQrCode() throws Exception {
		var east = poster("632521102201", "龙羊峡东村");
		var west = poster("632521102202", "龙羊峡西村");

		Path pdf = write(new PosterDocument(messages(), new DeploymentMode(true, true))
			.pdf(List.of(east, west), "龙羊峡镇村级求助海报", Locale.SIMPLIFIED_CHINESE));

		assertThat(PrintedPosters.pages(pdf)).isEqualTo(2);
		String[] pages = PrintedPosters.text(pdf).split("\f");
		assertThat(pages[0]).contains("共和县 龙羊峡镇", "龙羊峡东村", "遇到急难 扫码求助", "社会救助热线 12349",
				"接听时间：每日 8:00–20:00", "也可以在手机浏览器中输入：jjn.example.gov.cn", TIBETAN, "演示海报，请勿张贴");
		assertThat(pages[1]).contains("龙羊峡西村").doesNotContain("龙羊峡东村");
		assertThat(PrintedPosters.qrCode(pdf, 1)).isEqualTo(east.link());
		assertThat(PrintedPosters.qrCode(pdf, 2)).isEqualTo(west.link());
	}

	@Test
	void keepsTheTibetanLineWhenPrintedInEnglish() throws Exception {
		Path pdf = write(new PosterDocument(messages(), new DeploymentMode(false, false))
			.pdf(List.of(poster("632521102201", "龙羊峡东村")), "posters", Locale.ENGLISH));

		assertThat(PrintedPosters.text(pdf)).contains("In an emergency, scan to ask for help", TIBETAN)
			.doesNotContain("Demo poster");
	}

	private static Poster poster(String code, String village) {
		return new Poster("共和县", "龙羊峡镇", village, code, "https://jjn.example.gov.cn/public/apply?village=" + code,
				"jjn.example.gov.cn", "12349", "每日 8:00–20:00");
	}

	private static Path write(byte[] pdf) throws Exception {
		Path file = Files.createTempFile("posters", ".pdf");
		Files.write(file, pdf);
		return file;
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
