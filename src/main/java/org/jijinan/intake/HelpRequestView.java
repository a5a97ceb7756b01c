package org.jijinan.intake;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * What screens, receipts and the API show of a request; phone numbers masked.
 *
 * @param number the receipt number
 * @param channel how it arrived
 * @param urgency how urgent
 * @param status where it stands
 * @param reporterName who reported
 * @param reporterPhone the reporter's phone, masked
 * @param callbackWanted the caller asked to be called back
 * @param personId the registry person, when known
 * @param subjectName the person's name when not in the registry
 * @param village the village the request is about
 * @param township the township whose queue it is in
 * @param description what happened
 * @param causes hardship causes
 * @param owner the first-contact owner
 * @param ownerOrganisation the owner's unit
 * @param receivedAt when it was received
 * @param acceptBy when acceptance or refusal is due
 * @param refusalReason the written reason of a refusal
 * @param possibleDuplicateOf an earlier request about the same person within the window, if any
 * @param keptApartBecause why the township decided a possible duplicate is a separate emergency, once it did
 * @param mergedInto the request this one was merged into
 * @param forwardedTo the county it was forwarded to
 * @param caseNumber the case that handles the request, once it is accepted
 * @param language the language the applicant reads
 * @param urgentNeeds what the applicant said makes it urgent
 * @param urgentRepeats how many other urgent requests came from the same phone in the day before it
 */
public record HelpRequestView(String number, Channel channel, Urgency urgency, RequestStatus status,
		@Nullable String reporterName, @Nullable String reporterPhone, boolean callbackWanted, @Nullable UUID personId,
		@Nullable String subjectName, DivisionCode village, DivisionCode township, String description, Set<String> causes,
		String owner, String ownerOrganisation, Instant receivedAt, Instant acceptBy, @Nullable String refusalReason,
		@Nullable String possibleDuplicateOf, @Nullable String mergedInto, @Nullable String forwardedTo,
		@Nullable String keptApartBecause, @Nullable String caseNumber, ApplicantLanguage language,
		List<UrgentNeed> urgentNeeds, int urgentRepeats) {

	/**
	 * @return the same request, handled in the given case
	 */
	HelpRequestView inCase(String number) {
		return new HelpRequestView(this.number, channel, urgency, status, reporterName, reporterPhone, callbackWanted,
				personId, subjectName, village, township, description, causes, owner, ownerOrganisation, receivedAt,
				acceptBy, refusalReason, possibleDuplicateOf, mergedInto, forwardedTo, keptApartBecause, number, language,
				urgentNeeds, urgentRepeats);
	}

	/**
	 * @return whether the request looks like an earlier one and the township has not yet merged it or kept it apart
	 */
	public boolean duplicateUnresolved() {
		return possibleDuplicateOf != null && keptApartBecause == null;
	}

}
