package org.jijinan;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The language switch of public pages: 中文 / བོད་ཡིག / English, each named in its own language so that a reader
 * finds theirs whatever the page shows. Staff pages keep the one link between Chinese and English.
 */
@ControllerAdvice
class LanguageSwitch {

	/**
	 * @param href the same page in that language, with the rest of its address kept (a poster's village)
	 * @param name the language's name in itself
	 * @param tag the language tag for {@code hreflang} and {@code lang}
	 * @param current whether the page is in it
	 */
	record Choice(String href, String name, String tag, boolean current) {
	}

	@ModelAttribute("languages")
	@Nullable List<Choice> languages(HttpServletRequest request) {
		if (!Languages.publicPage(request)) {
			return null;
		}
		Locale page = LocaleContextHolder.getLocale();
		String rest = rest(request);
		return List.of(new Choice(rest + "lang=zh", "中文", "zh-CN", page.getLanguage().equals("zh")),
				new Choice(rest + "lang=bo", "བོད་ཡིག", "bo", Languages.tibetan(page)),
				new Choice(rest + "lang=en", "English", "en", page.getLanguage().equals("en")));
	}

	/**
	 * @return {@code ?} and the page's query without its language, ready for the new one; a form that was sent
	 * (POST) is opened anew
	 */
	private static String rest(HttpServletRequest request) {
		String query = request.getQueryString();
		if (!"GET".equals(request.getMethod()) || query == null) {
			return "?";
		}
		String kept = java.util.Arrays.stream(query.split("&"))
			.filter(part -> !part.isEmpty() && !part.startsWith("lang="))
			.collect(java.util.stream.Collectors.joining("&"));
		return kept.isEmpty() ? "?" : "?" + kept + "&";
	}

}
