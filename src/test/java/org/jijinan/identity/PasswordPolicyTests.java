package org.jijinan.identity;

import org.jijinan.shared.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordPolicyTests {

	final PasswordPolicy policy = new PasswordPolicy();

	@ParameterizedTest
	@CsvSource({ "Short-1a, identity.password-too-short", "clerk.wang-Extra-77, identity.password-contains-username",
			"1qaz2wsx3edc, identity.password-common", "woaini1314520, identity.password-common",
			"Qinghai-Lake-2026, identity.password-blocked-word", "我在共和县民政局上班好多年, identity.password-blocked-word",
			"My-12349-Hotline!, identity.password-blocked-word", "abababababababab, identity.password-repetitive" })
	void refusesPasswordsThatBreakARule(String password, String code) {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> policy.check(password, "clerk.wang"))
			.satisfies(violation -> org.assertj.core.api.Assertions.assertThat(violation.code()).isEqualTo(code));
	}

	@Test
	void refusesAPasswordLongerThan128Characters() {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> policy.check("x1-".repeat(43) + "z", "u"))
			.satisfies(violation -> org.assertj.core.api.Assertions.assertThat(violation.code())
				.isEqualTo("identity.password-too-long"));
	}

	@Test
	void acceptsALongUnusualPassword() {
		assertThatNoException().isThrownBy(() -> policy.check("Velvet-Harbour-4417", "clerk.wang"));
		assertThatNoException().isThrownBy(() -> policy.check("牦牛在草原上慢慢地走着吃草", "clerk.wang"));
	}

	@Test
	void countsCharactersNotBytes() {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> policy.check("牦牛在草原上吃草", "u"))
			.satisfies(violation -> org.assertj.core.api.Assertions.assertThat(violation.code())
				.isEqualTo("identity.password-too-short"));
	}

}
