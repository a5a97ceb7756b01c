package org.jijinan.people;

import java.time.LocalDate;

import org.jijinan.shared.ResidentIdNumber;
import org.jspecify.annotations.Nullable;

/**
 * A roster row that passed every check, ready to store: personal numbers sealed, village resolved.
 *
 * @param rowNumber its row in the file
 * @param name the name
 * @param number the citizen ID number
 * @param sealedNumber the number sealed, with its keyed hash
 * @param phone the phone number sealed, if given
 * @param phoneMasked the phone number masked, if given
 * @param residence the village and its path
 * @param ethnicity the ethnic group, if given
 * @param address the current address, if given
 * @param grade the grade for a graded category, if given
 * @param headHash for a household roster, the keyed hash of the head's ID number
 * @param relationship for a household roster, the relationship to the head
 */
record RosterLine(int rowNumber, String name, ResidentIdNumber number, Sealed sealedNumber, @Nullable Sealed phone,
		@Nullable String phoneMasked, Residence residence, @Nullable Ethnicity ethnicity, @Nullable String address,
		@Nullable Integer grade, @Nullable String headHash, @Nullable Relationship relationship) {

	LocalDate birthDate() {
		return number.birthDate();
	}

	@Override
	public String toString() {
		return "RosterLine[" + rowNumber + "]";
	}

}
