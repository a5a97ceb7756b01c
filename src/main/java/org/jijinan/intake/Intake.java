package org.jijinan.intake;

import java.time.Instant;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link HelpRequest#receive} needs beyond what was submitted: the number, the routing, the owner, the
 * clock and the sealed phone numbers.
 *
 * @param spec what was submitted
 * @param number the receipt number
 * @param village the village the request is about
 * @param township the township responsible
 * @param townshipPath its path, for scope checks
 * @param owner the first-contact owner
 * @param ownerOrganisation the owner's unit
 * @param receivedAt when
 * @param acceptBy when the decision is due
 * @param reporterPhone the reporter's phone, sealed
 * @param subjectPhone the person's phone, sealed
 * @param possibleDuplicateOf an earlier request about the same person within the window, if any
 * @param urgentRepeats how many other urgent requests came from the same phone in the day before
 */
record Intake(NewHelpRequest spec, String number, DivisionCode village, DivisionCode township, String townshipPath,
		String owner, String ownerOrganisation, Instant receivedAt, Instant acceptBy, @Nullable SealedPhone reporterPhone,
		@Nullable SealedPhone subjectPhone, @Nullable String possibleDuplicateOf, int urgentRepeats) {

	/**
	 * A phone number as stored.
	 *
	 * @param ciphertext sealed
	 * @param masked for display
	 * @param hash keyed hash, to find earlier calls from the same number
	 */
	record SealedPhone(String ciphertext, String masked, String hash) {
	}

}
