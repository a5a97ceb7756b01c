package org.jijinan.intake;

import java.util.HashMap;
import java.util.Map;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages without login: an application gets a number at once; following it needs the number and the phone given
 * and shows the status only; floods are limited with Retry-After.
 */
@SystemTest
class PublicPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	PublicLimits limits;

	@BeforeEach
	void freshLimits() {
		limits.reset();
	}

	@Test
	void takesAnApplicationAndShowsItsStatusOnlyWithTheMatchingPhone() {
		Visitor applicant = new Visitor(port);
		applicant.get("/public/apply");

		Page received = applicant.post("/public/requests", application("13809741111"));

		assertThat(received.status()).isEqualTo(200);
		String number = received.body().replaceAll("(?s).*<strong id=\"public-number\">([^<]+)</strong>.*", "$1");
		assertThat(number).matches("JJN-\\d{8}-\\d{6}");
		applicant.get("/public/follow");
		Page matching = applicant.post("/public/follow", Map.of("number", number, "phone", "138 0974 1111"));
		assertThat(matching.body()).contains("id=\"follow-status\"").contains("已登记，待受理")
			.doesNotContain("13809741111").doesNotContain("日子过不下去");
		String asCopied = " " + number.toLowerCase().replace("-2", " -2") + " ";
		assertThat(applicant.post("/public/follow", Map.of("number", asCopied, "phone", "13809741111")).body())
			.as("the number in lower case and with spaces, as copied from a message").contains("已登记，待受理");
		Page wrongPhone = applicant.post("/public/follow", Map.of("number", number, "phone", "13809742222"));
		assertThat(wrongPhone.body()).contains("id=\"follow-none\"").doesNotContain("follow-status");
	}

	@Test
	void limitsFloodsOfLookUpsWithRetryAfter() {
		Visitor guesser = new Visitor(port);
		guesser.get("/public/follow");
		Page last = null;
		for (int i = 0; i < 12; i++) {
			last = guesser.post("/public/follow", Map.of("number", "JJN-20261128-00000" + (i % 10), "phone",
					"13800000000"));
		}

		assertThat(last.status()).isEqualTo(429);
		assertThat(last.body()).contains("操作过于频繁");
	}

	@Test
	void theAddressOpensThePublicHomeWithTheStaffLoginAsOneLink() {
		Visitor visitor = new Visitor(port);
		assertThat(visitor.get("/").redirectsTo("/public")).as("anyone not signed in").isTrue();
		Page home = visitor.get("/public");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("href=\"/public/apply\"")
			.contains("href=\"/public/apply?for=other\"")
			.contains("href=\"/public/follow\"")
			.contains("href=\"tel:12349\"")
			.contains("href=\"/public/fund\"")
			.contains("href=\"/login\"");
		assertThat(visitor.get("/public/apply?for=other").body()).as("reporting someone else: the box is ticked")
			.containsPattern("id=\"forSomeoneElse\"\\s+checked");
		assertThat(visitor.get("/public/apply").body()).doesNotContainPattern("id=\"forSomeoneElse\"\\s+checked")
			.as("villages by name, never a code to type")
			.contains("倒淌河东村（演示）")
			.doesNotContain("代码");
	}

	@Test
	void keepsTheFormAndExplainsAnUnknownVillage() {
		Visitor applicant = new Visitor(port);
		applicant.get("/public/apply");
		Map<String, String> form = new HashMap<>(application("13809743333"));
		form.put("village", "632521199999");

		Page refused = applicant.post("/public/requests", form);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"village-problem\"").contains("没有找到这个村（社区）")
			.contains("public-form")
			.as("everything typed is kept")
			.contains("value=\"卓玛\"")
			.contains("value=\"13809743333\"")
			.contains("丈夫车祸住院，日子过不下去了")
			.containsPattern("value=\"TRAFFIC_ACCIDENT\"\\s+checked");
	}

	@Test
	void refusesOverlongFieldsFromTheFormWithA400NotA500() {
		Visitor applicant = new Visitor(port);
		applicant.get("/public/apply");
		Map<String, String> form = new HashMap<>(application("13809744444"));
		form.put("name", "名".repeat(300));

		Page refused = applicant.post("/public/requests", form);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("public-form").doesNotContain("Exception")
			.contains("id=\"name-problem\"").contains("姓名最多 50 个字");
	}

	@Test
	void explainsAnOverlongDescriptionBesideItInTheReadersLanguageAndKeepsTheRest() {
		Visitor applicant = new Visitor(port);
		applicant.get("/public/apply?lang=bo");
		Map<String, String> form = new HashMap<>(application("13809745555"));
		form.put("description", "ཁྱིམ་ལ་མེ་སྐྱོན་བྱུང་། ".repeat(200));
		form.put("name", "<script>alert(1)</script>");

		Page refused = applicant.post("/public/requests", form);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"description-problem\"")
			.contains("གནས་ཚུལ་གསལ་བཤད་ཡི་གེ་ 2000 ལས་མི་བརྒལ་བ་དགོས།")
			.contains("lang=\"bo\"")
			.as("the hostile name kept as text, never as markup")
			.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
			.doesNotContain("<script>alert(1)")
			.contains("13809745555");
		form.put("description", " ");
		assertThat(applicant.post("/public/requests", form).body()).contains("id=\"description-problem\"")
			.contains("བྱུང་བའི་གནས་ཚུལ་ཚིག་འགའ་འབྲི་རོགས།");
	}

	private static Map<String, String> application(String phone) {
		return Map.of("name", "卓玛", "phone", phone, "village", IntakeTests.DAOTANGHE_VILLAGE, "description",
				"丈夫车祸住院，日子过不下去了", "causes", "TRAFFIC_ACCIDENT");
	}

}
