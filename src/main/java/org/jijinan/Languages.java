package org.jijinan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The three languages the platform speaks. Public pages, their printed documents and messages to applicants are in
 * Chinese, Tibetan (བོད་ཡིག) or English; staff pages are in Chinese or English. A text not yet translated into
 * Tibetan is shown in Chinese (never as its key, never in English).
 */
final class Languages {

	static final Locale TIBETAN = Locale.forLanguageTag("bo");

	private Languages() {
	}

	static boolean tibetan(@Nullable Locale locale) {
		return locale != null && TIBETAN.getLanguage().equals(locale.getLanguage());
	}

	/**
	 * Public pages: the public home, the public forms and what they lead to. The address {@code /} is a member of
	 * staff's workbench; a visitor who is not signed in is sent from it to the public home.
	 */
	static boolean publicPage(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/public") || path.startsWith("/public/");
	}

	/**
	 * Messages from {@code messages*.properties} where a Tibetan bundle's parent is the Chinese one.
	 */
	static final class Messages extends ResourceBundleMessageSource {

		private static final ResourceBundle.Control CHINESE_UNDER_TIBETAN = new ResourceBundle.Control() {

			@Override
			public List<String> getFormats(String baseName) {
				return FORMAT_PROPERTIES;
			}

			@Override
			public List<Locale> getCandidateLocales(String baseName, Locale locale) {
				if (!tibetan(locale)) {
					return super.getCandidateLocales(baseName, locale);
				}
				List<Locale> candidates = new ArrayList<>(super.getCandidateLocales(baseName, locale));
				candidates.remove(Locale.ROOT);
				candidates.addAll(super.getCandidateLocales(baseName, Locale.SIMPLIFIED_CHINESE));
				return candidates;
			}

			@Override
			public @Nullable Locale getFallbackLocale(String baseName, Locale locale) {
				return null;
			}

		};

		@Override
		protected ResourceBundle doGetBundle(String basename, Locale locale) {
			return ResourceBundle.getBundle(basename, locale, getBundleClassLoader(), CHINESE_UNDER_TIBETAN);
		}

	}

	/**
	 * Remembers the reader's language in a cookie; Tibetan is honoured on public pages only, so a member of staff who
	 * chose it on the public home reads the workbench in Chinese.
	 */
	static final class Resolver extends CookieLocaleResolver {

		Resolver() {
			super("JIJINAN_LANG");
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale chosen = super.resolveLocale(request);
			return tibetan(chosen) && !publicPage(request) ? Locale.SIMPLIFIED_CHINESE : chosen;
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			super.setLocale(request, response, locale == null ? null : supported(locale));
		}

		/**
		 * @return the language of the three nearest to what was asked; anything else is Chinese
		 */
		static Locale supported(Locale asked) {
			return switch (asked.getLanguage()) {
				case "bo" -> TIBETAN;
				case "en" -> Locale.ENGLISH;
				default -> Locale.SIMPLIFIED_CHINESE;
			};
		}

	}

}
