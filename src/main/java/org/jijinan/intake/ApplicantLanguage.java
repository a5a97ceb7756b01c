package org.jijinan.intake;

import java.util.Locale;

/**
 * The language an applicant reads: every message to them, printed or sent, is in it. Set by the public pages from
 * the language the applicant used, and by the window and the hotline from what the applicant asked for.
 */
public enum ApplicantLanguage {

	/** 中文. */
	CHINESE(Locale.SIMPLIFIED_CHINESE),
	/** 藏文 (བོད་ཡིག). */
	TIBETAN(Locale.forLanguageTag("bo")),
	/** English. */
	ENGLISH(Locale.ENGLISH);

	private final Locale locale;

	ApplicantLanguage(Locale locale) {
		this.locale = locale;
	}

	/**
	 * @return the locale messages to the applicant are written in
	 */
	public Locale locale() {
		return locale;
	}

	/**
	 * @return the language of a page read in the given locale; Chinese for any other
	 */
	public static ApplicantLanguage of(Locale locale) {
		return switch (locale.getLanguage()) {
			case "bo" -> TIBETAN;
			case "en" -> ENGLISH;
			default -> CHINESE;
		};
	}

}
