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
	 * @param param the value of {@code ?lang=}
	 * @param name the language's name in itself
	 * @param tag the language tag for {@code hreflang} and {@code lang}
	 * @param current whether the page is in it
	 */
	record Choice(String param, String name, String tag, boolean current) {
	}

	@ModelAttribute("languages")
	@Nullable List<Choice> languages(HttpServletRequest request) {
		if (!Languages.publicPage(request)) {
			return null;
		}
		Locale page = LocaleContextHolder.getLocale();
		return List.of(new Choice("zh", "中文", "zh-CN", page.getLanguage().equals("zh")),
				new Choice("bo", "བོད་ཡིག", "bo", Languages.tibetan(page)),
				new Choice("en", "English", "en", page.getLanguage().equals("en")));
	}

}
