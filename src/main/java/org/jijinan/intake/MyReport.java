package org.jijinan.intake;

import java.time.Instant;
import java.util.Set;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * One of the reports a staff member made (我报告的), as its reporter sees it: whom it was about, when, and what became
 * of it — accepted or refused and why, whether aid was given, whether the case ended — and nothing a reporter does
 * not need (no amounts, no schemes, no ID or phone numbers).
 *
 * @param number the request's number
 * @param subjectName the person's name as reported (or as registered, when a registered person was chosen)
 * @param village the village it is about
 * @param description what the reporter wrote
 * @param receivedAt when it was reported
 * @param status where the request stands
 * @param decidedAt when the township accepted, refused, merged or forwarded it
 * @param refusalReason the written reason of a refusal
 * @param aidGiven whether aid of any kind was given in its case (for a merged request: in the case of the request
 * it was merged into)
 * @param ending how its case ended, or {@code null} while it is handled or when there is no case
 * @param news whether this differs from what the reporter last saw of it
 */
record MyReport(String number, @Nullable String subjectName, DivisionCode village, String description,
		Instant receivedAt, RequestStatus status, @Nullable Instant decidedAt, @Nullable String refusalReason,
		boolean aidGiven, RequestCases.@Nullable Ending ending, boolean news) {

	private static final Set<RequestStatus> FINAL = Set.of(RequestStatus.REFUSED, RequestStatus.FORWARDED);

	/**
	 * @return what the reporter is shown, in a few words; a change of it is news
	 */
	String outcome() {
		return status.name() + (aidGiven ? "+AID" : "") + (ending == null ? "" : "+" + ending.name());
	}

	/**
	 * @return whether nothing more will come of it
	 */
	boolean settled() {
		return FINAL.contains(status) || ending != null;
	}

	/**
	 * @return whether the township has answered
	 */
	boolean decided() {
		return status != RequestStatus.RECEIVED;
	}

	/**
	 * @return the same report with what the reporter had last seen of it compared
	 */
	MyReport seenAs(@Nullable String seen) {
		return new MyReport(number, subjectName, village, description, receivedAt, status, decidedAt, refusalReason,
				aidGiven, ending, decided() && !outcome().equals(seen));
	}

}
