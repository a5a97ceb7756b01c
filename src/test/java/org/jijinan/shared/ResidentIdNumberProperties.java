package org.jijinan.shared;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResidentIdNumberProperties {

	@Property
	void acceptsEveryValidNumberAndReadsItsBirthDateAndSex(@ForAll("valid") String number) {
		ResidentIdNumber parsed = ResidentIdNumber.parse(number);

		assertThat(parsed.value()).isEqualTo(number);
		assertThat(parsed.birthDate()).isEqualTo(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
				Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
		assertThat(parsed.sex()).isEqualTo((number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
	}

	@Property
	void rejectsEverySingleCharacterChange(@ForAll("valid") String number, @ForAll @IntRange(max = 17) int position,
			@ForAll @CharRange(from = '0', to = '9') char replacement) {
		char changed = replacement == number.charAt(position) ? (char) ('0' + (replacement - '0' + 1) % 10)
				: replacement;
		String altered = number.substring(0, position) + changed + number.substring(position + 1);

		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> ResidentIdNumber.parse(altered));
	}

	@Property
	void rejectsAnXAnywhereButTheLastPosition(@ForAll("valid") String number, @ForAll @IntRange(max = 16) int position) {
		String altered = number.substring(0, position) + 'X' + number.substring(position + 1);

		assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> ResidentIdNumber.parse(altered))
			.satisfies(problem -> assertThat(problem.code()).isEqualTo("shared.id-number-malformed"));
	}

	@Property
	void convertsA15DigitNumberInto18Digits(@ForAll("valid") String number) {
		if (!number.startsWith("19", 6)) {
			return;
		}
		String legacy = number.substring(0, 6) + number.substring(8, 17);

		assertThat(ResidentIdNumber.parse(legacy).value()).isEqualTo(number);
	}

	@Property
	void masksAllButTheFirstThreeAndLastFourCharacters(@ForAll("valid") String number) {
		ResidentIdNumber parsed = ResidentIdNumber.parse(number);

		assertThat(parsed.masked()).hasSize(18).startsWith(number.substring(0, 3)).endsWith(number.substring(14))
			.contains("***********");
		assertThat(parsed.toString()).isEqualTo(parsed.masked()).doesNotContain(number.substring(6, 14));
	}

	@Provide
	Arbitrary<String> valid() {
		Arbitrary<String> region = Arbitraries.integers().between(110000, 659999).map(String::valueOf);
		Arbitrary<LocalDate> birth = Arbitraries.integers()
			.between(0, 50_000)
			.map(days -> LocalDate.of(1900, 1, 1).plusDays(days));
		Arbitrary<String> sequence = Arbitraries.integers().between(0, 999).map(n -> String.format("%03d", n));
		return Combinators.combine(region, birth, sequence).as((r, b, s) -> {
			String body = r + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s;
			return body + ResidentIdNumber.checkCharacter(body);
		});
	}

}
