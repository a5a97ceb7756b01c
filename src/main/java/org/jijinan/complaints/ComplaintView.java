package org.jijinan.complaints;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A complaint as its handler sees it: the complainant only masked (a reveal is a separate, audited step).
 *
 * @param number its number
 * @param kind what it is about
 * @param channel where it came in
 * @param status where it stands
 * @param level 1, or 2 after an escalation
 * @param handlerName the unit handling it
 * @param subjectName the unit complained about, if one was named
 * @param subjectPerson the official or the person reported, as the complainant named them
 * @param reference the request or case number the complainant gave, as given
 * @param text what the complainant wrote or said
 * @param anonymous whether the complainant stays anonymous
 * @param complainant the complainant's name and phone, masked; {@code null} when anonymous
 * @param receivedAt when it came in
 * @param acknowledgeBy the acknowledgement's due time
 * @param answerBy the answer's due time
 * @param acknowledgedBy who signed for it at the current level
 * @param extensionReason why the answer was given more time, if it was
 * @param repeats how often the same complaint came in again within an hour (merged into this one)
 * @param answers the answers given, first level first
 * @param actions what the viewer may do now
 */
public record ComplaintView(String number, ComplaintKind kind, ComplaintChannel channel, ComplaintStatus status,
		int level, String handlerName, @Nullable String subjectName, @Nullable String subjectPerson,
		@Nullable String reference, String text, boolean anonymous, @Nullable Complainant complainant,
		Instant receivedAt, Instant acknowledgeBy, Instant answerBy, @Nullable String acknowledgedBy,
		@Nullable String extensionReason, int repeats, List<Answer> answers, Actions actions) {

	/**
	 * The complainant, masked.
	 *
	 * @param name the name, masked ({@code 卓*})
	 * @param phone the phone, masked
	 * @param language the language they read
	 */
	public record Complainant(@Nullable String name, @Nullable String phone, String language) {
	}

	/**
	 * An answer given.
	 *
	 * @param level 1 or 2
	 * @param handlerName the unit that answered
	 * @param investigation what was done to find out
	 * @param finding what was found
	 * @param answer what the complainant is told
	 * @param answeredBy who answered
	 * @param answeredAt when
	 * @param onTime whether by the due time
	 * @param satisfied the complainant's verdict, once given
	 */
	public record Answer(int level, String handlerName, String investigation, Finding finding, String answer,
			String answeredBy, Instant answeredAt, boolean onTime, @Nullable Boolean satisfied) {
	}

	/**
	 * What the viewer may do with the complaint now.
	 *
	 * @param acknowledge sign for it
	 * @param extend take the one extension
	 * @param answer answer it
	 * @param reveal see the complainant's full name and phone
	 */
	public record Actions(boolean acknowledge, boolean extend, boolean answer, boolean reveal) {
	}

}
