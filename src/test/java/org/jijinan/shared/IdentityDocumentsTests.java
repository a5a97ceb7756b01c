package org.jijinan.shared;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdentityDocumentsTests {

	@ParameterizedTest
	@CsvSource({ "11010519491231002X, 1949-12-31, FEMALE", "110105491231002, 1949-12-31, FEMALE",
			"11010519491231002x, 1949-12-31, FEMALE" })
	void readsKnownGoodNumbers(String text, String birth, Sex sex) {
		ResidentIdNumber number = ResidentIdNumber.parse(text);

		assertThat(number.value()).isEqualTo("11010519491231002X");
		assertThat(number.birthDate()).hasToString(birth);
		assertThat(number.sex()).isEqualTo(sex);
	}

	@ParameterizedTest
	@CsvSource({ "110105194912310021, shared.id-number-check-digit", "11010519491231002, shared.id-number-malformed",
			"1101051949123100211, shared.id-number-malformed", "'', shared.id-number-malformed",
			"11010520150231001X, shared.id-number-birth-date" })
	void rejectsBadNumbersWithTheReason(String text, String code) {
		String candidate = code.endsWith("birth-date") ? withCheck(text.substring(0, 17)) : text;

		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> ResidentIdNumber.parse(candidate))
			.satisfies(problem -> assertThat(problem.code()).isEqualTo(code));
	}

	@ParameterizedTest
	@CsvSource({ "13812345678, 138****5678", "+86 138 1234 5678, 138****5678", "0974-8512345, 097*****2345" })
	void readsAndMasksPhoneNumbers(String text, String masked) {
		assertThat(PhoneNumber.parse(text).masked()).isEqualTo(masked);
		assertThat(PhoneNumber.parse(text).toString()).isEqualTo(masked);
	}

	@ParameterizedTest
	@ValueSource(strings = { "12345678901", "1381234567", "abc", "0974-12", "" })
	void rejectsMalformedPhoneNumbers(String text) {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> PhoneNumber.parse(text));
	}

	private static String withCheck(String first17) {
		return first17 + ResidentIdNumber.checkCharacter(first17);
	}

}
