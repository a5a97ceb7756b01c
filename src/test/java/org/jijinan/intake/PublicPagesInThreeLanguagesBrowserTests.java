package org.jijinan.intake;

import java.util.List;

import org.jijinan.Browser;
import org.jijinan.Journeys;
import org.jijinan.SystemTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page in Chinese, Tibetan and English on a 390 px phone, reached by clicking what the page shows in that
 * language: axe-core finds no serious or critical problem in any of them, the page says which language it is in, and
 * the language chosen stays as the reader moves on.
 */
@SystemTest
class PublicPagesInThreeLanguagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	PublicLimits limits;

	/** What a reader of each language clicks and reads, as the pages show it. */
	record Language(String switchTo, String tag, String apply, String back, String follow, String number,
			String phone, String lookUp, String none, String home, String fund, String complain, String anonymous, String accounts) {
	}

	static final List<Language> LANGUAGES = List.of(
			new Language("中文", "zh-CN", "我要申请救助", "返回首页", "查询办理进度", "编号", "登记时留下的电话", "查询",
					"没有找到与该编号和电话相符的记录。", "救急难综合服务平台", "慈善资金和物资使用公示", "投诉举报",
					"匿名（不留姓名和电话）", "救助资金使用公开"),
			new Language("བོད་ཡིག", "bo", "ངས་རོགས་རམ་ཞུ།", "ཤོག་ངོས་དང་པོར་ལོག", "ལས་དོན་འཕེལ་རིམ་འཚོལ་བ།", "ཨང་གྲངས།",
					"ཐོ་འགོད་སྐབས་བཞག་པའི་ཁ་པར།", "འཚོལ།", "ཨང་གྲངས་དང་ཁ་པར་འདི་དང་མཐུན་པའི་ཟིན་ཐོ་མ་རྙེད།",
					"ཛ་དྲག་དཀའ་ངལ་རོགས་རམ་ཞབས་ཞུའི་སྟེགས་བུ།", "སྤྱི་ཕན་མ་དངུལ་དང་དངོས་པོའི་བེད་སྤྱོད་ཁྱབ་བསྒྲགས།",
					"ཞུ་གཏུག་དང་སྙན་སྐུལ།", "མིང་མི་འགོད།（མིང་དང་ཁ་པར་མི་འཇོག）", "རོགས་རམ་མ་དངུལ་བེད་སྤྱོད་ཁྱབ་བསྒྲགས།"),
			new Language("English", "en", "Apply for help", "Back to the start", "Follow a request", "Number",
					"The phone given when registering", "Look up", "No request matches that number and phone.",
					"Emergency and Hardship Assistance Platform", "How charity funds and goods were used",
					"Complain or report fraud", "Anonymous (no name or phone)", "How the assistance money was used"));

	@Test
	void everyPublicPageReadsWellInEachLanguage() throws Exception {
		for (Language language : LANGUAGES) {
			limits.reset();
			try (Browser reader = Browser.start(port, 390, 844)) {
				reader.open("/");
				reader.waitFor(By.id("public-home"));
				reader.click(language.switchTo());
				assertThat(lang(reader)).isEqualTo(language.tag());
				reader.click(language.apply());
				assertThat(lang(reader)).as("the choice is remembered").isEqualTo(language.tag());
				assertThat(reader.driver().findElements(By.cssSelector("#urgent-needs input"))).hasSize(4);
				reader.click(language.back());
				reader.click(language.follow());
				reader.fill(language.number(), "JJN-20260101-999999");
				reader.fill(language.phone(), "13909749999");
				reader.click(language.lookUp());
				assertThat(reader.text(By.id("follow-none"))).isEqualTo(language.none());
				reader.click(language.home());
				reader.click(language.complain());
				assertThat(lang(reader)).isEqualTo(language.tag());
				assertThat(reader.driver().findElement(By.tagName("h1")).getText()).isEqualTo(language.complain());
				reader.tick(language.anonymous());
				assertThat(reader.driver().findElement(By.id("phone")).isDisplayed())
					.as("an anonymous complainant is not asked for a phone").isFalse();
				reader.click(language.home());
				reader.click(language.fund());
				assertThat(lang(reader)).isEqualTo(language.tag());
				reader.click(language.home());
				reader.click(language.accounts());
				assertThat(lang(reader)).isEqualTo(language.tag());
				assertThat(reader.driver().findElement(By.tagName("h1")).getText()).isEqualTo(language.accounts());
				assertThat(reader.driver().findElement(By.id("accounts")).isDisplayed()).isTrue();
				Journeys.record("public-languages",
						language.tag() + ": home, form, follow-up, complaint, fund, accounts", reader);
			}
		}
	}

	private static String lang(Browser reader) {
		return reader.driver().findElement(By.tagName("html")).getAttribute("lang");
	}

}
