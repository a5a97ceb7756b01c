package org.jijinan.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Everything recorded in a case's investigation.
 *
 * @param visits household visits, each with its visitors and their confirmations
 * @param checks economic-status checks
 * @param evaluations democratic evaluations
 * @param notices public notices with their objections
 */
public record InvestigationView(List<Visit> visits, List<Check> checks, List<Evaluation> evaluations,
		List<Notice> notices) {

	/**
	 * @return whether a household visit has been confirmed by all its visitors
	 */
	public boolean visitConfirmed() {
		return visits.stream().anyMatch(Visit::confirmed);
	}

	/**
	 * A household visit (入户调查).
	 *
	 * @param id the visit
	 * @param visitedOn the day
	 * @param findings what was found
	 * @param recordedBy who wrote it down
	 * @param confirmations each visitor and when they confirmed
	 * @param photos its photos
	 */
	public record Visit(UUID id, LocalDate visitedOn, String findings, String recordedBy,
			List<Confirmation> confirmations, List<Photo> photos) {

		/**
		 * @return whether every visitor has confirmed the record
		 */
		public boolean confirmed() {
			return confirmations.stream().allMatch(confirmation -> confirmation.confirmedAt() != null);
		}

		/**
		 * @param name an account name
		 * @return whether that person went on the visit and has not confirmed it yet
		 */
		public boolean awaits(String name) {
			return confirmations.stream()
				.anyMatch(confirmation -> confirmation.visitor().equals(name) && confirmation.confirmedAt() == null);
		}

	}

	/**
	 * A photo of a visit.
	 *
	 * @param id the photo
	 * @param fileName the name it was uploaded with
	 * @param contentType JPEG or PNG
	 * @param size its size in bytes
	 */
	public record Photo(UUID id, String fileName, String contentType, long size) {
	}

	/**
	 * One visitor's confirmation of a visit record.
	 *
	 * @param visitor the visitor
	 * @param confirmedAt when they confirmed it ({@code null}: not yet)
	 */
	public record Confirmation(String visitor, @Nullable Instant confirmedAt) {
	}

	/**
	 * A household economic-status check (家庭经济状况核对).
	 *
	 * @param id the check
	 * @param authorisedOn when the family authorised it
	 * @param authorisationNote how (signed form, fingerprint …)
	 * @param requestedBy who requested it
	 * @param reportDate the report's date, once received
	 * @param validUntil until when the report may be relied on
	 * @param summary what the report says
	 * @param reusedFrom the earlier check whose still-valid report this one reuses
	 */
	public record Check(UUID id, LocalDate authorisedOn, String authorisationNote, String requestedBy,
			@Nullable LocalDate reportDate, @Nullable LocalDate validUntil, @Nullable String summary,
			@Nullable UUID reusedFrom) {
	}

	/**
	 * A democratic evaluation (民主评议).
	 *
	 * @param heldOn the day
	 * @param participants how many took part
	 * @param outcome {@code AGREED} or {@code DISAGREED}
	 * @param notes what was said
	 */
	public record Evaluation(LocalDate heldOn, int participants, String outcome, String notes) {
	}

	/**
	 * A public notice (公示).
	 *
	 * @param id the notice
	 * @param text what is posted
	 * @param postedFrom first day
	 * @param postedUntil last day
	 * @param objections objections received
	 */
	public record Notice(UUID id, String text, LocalDate postedFrom, LocalDate postedUntil, List<String> objections) {
	}

}
