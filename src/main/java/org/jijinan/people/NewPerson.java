package org.jijinan.people;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Sex;
import org.jspecify.annotations.Nullable;

/**
 * A person to register, as entered or read from a roster. The ID number is text here: the registry validates it.
 *
 * @param name the name as in the household register
 * @param idNumber the citizen ID number (15 or 18 characters); {@code null} for a provisional person
 * @param birthDate the birth date if declared separately; must agree with the ID number
 * @param sex the sex if declared separately; must agree with the ID number
 * @param ethnicity the ethnic group
 * @param phone a contact number
 * @param residence the village of the registered residence (户籍)
 * @param address the current address
 */
public record NewPerson(@NotBlank @Size(max = 50) String name, @Nullable @Size(max = 20) String idNumber,
		@Nullable LocalDate birthDate, @Nullable Sex sex, @Nullable Ethnicity ethnicity,
		@Nullable @Size(max = 20) String phone, @NotNull DivisionCode residence,
		@Nullable @Size(max = 200) String address) {

	@Override
	public String toString() {
		return "NewPerson[" + residence + "]";
	}

}
