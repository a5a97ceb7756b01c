package org.jijinan.people;

import java.time.LocalDate;
import java.util.List;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * A household with its members, past and present.
 *
 * @param id the household
 * @param village where it lives
 * @param address its address
 * @param members everyone who belongs or belonged, oldest membership first
 */
public record HouseholdView(HouseholdId id, DivisionCode village, @Nullable String address, List<Member> members) {

	/**
	 * One membership.
	 *
	 * @param personId the person
	 * @param name their name
	 * @param relationship their relationship to the head
	 * @param joinedOn first day
	 * @param leftOn last day, {@code null} while they belong
	 */
	public record Member(PersonId personId, String name, Relationship relationship, LocalDate joinedOn,
			@Nullable LocalDate leftOn) {
	}

}
