package org.jijinan.complaints;

import java.util.UUID;

import org.jijinan.intake.ApplicantLanguage;
import org.jspecify.annotations.Nullable;

/**
 * A complaint as it comes in, from any channel.
 *
 * @param kind what it is about (a {@link ComplaintKind} name)
 * @param subjectUnit the unit complained about, when the complainant named one
 * @param subjectPerson the official or the person reported, by name, when given
 * @param reference the request or case number the complaint is about, when known
 * @param text what happened
 * @param anonymous whether the complainant stays anonymous (then no name is kept)
 * @param name the complainant's name
 * @param phone the complainant's phone, for the answer by text message
 * @param language the language the complainant reads
 * @param channel where it came in (staff choose hotline, window or letter; the public pages and partners are set)
 */
public record NewComplaint(@Nullable String kind, @Nullable UUID subjectUnit, @Nullable String subjectPerson,
		@Nullable String reference, @Nullable String text, boolean anonymous, @Nullable String name,
		@Nullable String phone, @Nullable ApplicantLanguage language, @Nullable ComplaintChannel channel) {

	@Override
	public String toString() {
		return "NewComplaint[kind=" + kind + ", anonymous=" + anonymous + ", channel=" + channel + "]";
	}

}
