package org.jijinan.people;

import java.time.LocalDate;

import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Sex;
import org.jspecify.annotations.Nullable;

/**
 * What screens, the API and other modules see of a person: never the full ID or phone number.
 *
 * @param id the person
 * @param name the name
 * @param idNumber the masked ID number, such as {@code 632***********123X}; {@code null} while provisional
 * @param birthDate the birth date
 * @param sex the sex
 * @param ethnicity the ethnic group
 * @param phone the masked phone number
 * @param residence the village of the registered residence
 * @param address the current address
 * @param provisional registered without an ID number
 * @param supersededBy for a provisional record found to be a registered person, that person
 */
public record PersonView(PersonId id, String name, @Nullable String idNumber, @Nullable LocalDate birthDate,
		@Nullable Sex sex, @Nullable Ethnicity ethnicity, @Nullable String phone, DivisionCode residence,
		@Nullable String address, boolean provisional, @Nullable PersonId supersededBy) {
}
