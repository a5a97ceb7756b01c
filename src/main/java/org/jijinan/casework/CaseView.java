package org.jijinan.casework;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jijinan.intake.Urgency;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * What screens and the API show of a case; no personal data beyond the name given at intake.
 *
 * @param number the case number
 * @param status where it stands
 * @param personId the registry person, when known
 * @param householdId the person's household, when known
 * @param subjectName the person's name, as given at intake or from the registry
 * @param township the township handling it
 * @param urgency how urgent
 * @param firstReceivedAt when the first request was received
 * @param openedAt when the case was opened
 * @param handler who is responsible for it
 * @param statusSince since when it has been in its status
 * @param transferredTo the jurisdiction it was handed to
 * @param closingNote the note written when it was closed, withdrawn or transferred
 * @param reopenedFor what last sent the decided case back to decision, if anything did
 * @param requests its requests, the one that opened it first
 * @param causes its hardship causes
 * @param next where it may go from here
 */
public record CaseView(String number, CaseStatus status, @Nullable UUID personId, @Nullable UUID householdId,
		@Nullable String subjectName, DivisionCode township, Urgency urgency, Instant firstReceivedAt,
		Instant openedAt, String handler, Instant statusSince, @Nullable String transferredTo,
		@Nullable String closingNote, @Nullable String reopenedFor, List<String> requests, List<String> causes,
		Set<CaseStatus> next) {
}
