package org.jijinan.people;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A person's membership of a household for a period; it ends when they move out.
 *
 * @param personId the member
 * @param relationship their relationship to the head
 * @param joinedOn first day in the household
 * @param leftOn last day, {@code null} while they belong
 */
@Table("people_household_member")
record Membership(PersonId personId, Relationship relationship, LocalDate joinedOn, @Nullable LocalDate leftOn) {

	boolean current() {
		return leftOn == null;
	}

	Membership endedOn(LocalDate day) {
		return new Membership(personId, relationship, joinedOn, day);
	}

}
