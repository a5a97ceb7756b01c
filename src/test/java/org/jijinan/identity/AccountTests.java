package org.jijinan.identity;

import java.time.Instant;
import java.util.Set;

import org.jijinan.region.DivisionLevel;
import org.jijinan.region.DivisionView;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccountTests {

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	static final DivisionView QIABUQIA = new DivisionView(new DivisionCode("632521100"), "恰卜恰镇",
			DivisionLevel.TOWNSHIP, new DivisionCode("632521"), null, null, null, false);

	static final Unit TOWNSHIP = Unit.establish("恰卜恰镇人民政府", UnitKind.TOWNSHIP_GOVERNMENT, QIABUQIA,
			"/630000/632500/632521/632521100/", false);

	@Test
	void opensAnAccountThatMustChangeItsPassword() {
		Account account = open("Clerk.Li", Role.WINDOW_CLERK);

		assertThat(account.username()).isEqualTo("clerk.li");
		assertThat(account.mustChangePassword()).isTrue();
		assertThat(account.roles()).containsExactly(Role.WINDOW_CLERK);
	}

	@Test
	void refusesARoleTheUnitKindDoesNotAdmit() {
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> open("clerk.li", Role.CHARITY_OFFICER))
			.satisfies(problem -> assertThat(problem.code()).isEqualTo("identity.role-not-for-unit"));
	}

	@Test
	void refusesMalformedUserNames() {
		for (String username : new String[] { "ab", "-dash-first", "中文名字", "name with space", "x".repeat(41) }) {
			assertThatExceptionOfType(InvalidInput.class).isThrownBy(() -> open(username, Role.WINDOW_CLERK))
				.satisfies(problem -> assertThat(problem.code()).isEqualTo("identity.username-invalid"));
		}
	}

	@Test
	void refusesAUnitAtADivisionOfTheWrongLevel() {
		assertThatExceptionOfType(RuleViolation.class)
			.isThrownBy(() -> Unit.establish("民政局", UnitKind.COUNTY_CIVIL_AFFAIRS, QIABUQIA, "/x/", false))
			.satisfies(problem -> assertThat(problem.code()).isEqualTo("identity.unit-level-mismatch"));
	}

	@Test
	void refusesASecondFactorCodeFromAnEarlierOrTheSameStep() {
		Account account = open("clerk.li", Role.WINDOW_CLERK);
		account.enrolSecondFactor("sealed", 100);

		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> account.acceptSecondFactorStep(100));
		assertThatExceptionOfType(RuleViolation.class).isThrownBy(() -> account.acceptSecondFactorStep(99));
		account.acceptSecondFactorStep(101);
	}

	@Test
	void expiresAPasswordAfterTheMaximumAgeUnlessTheAgeIsZero() {
		Account account = open("clerk.li", Role.WINDOW_CLERK);

		assertThat(account.passwordExpired(NOW.plus(java.time.Duration.ofDays(181)), java.time.Duration.ofDays(180)))
			.isTrue();
		assertThat(account.passwordExpired(NOW.plus(java.time.Duration.ofDays(179)), java.time.Duration.ofDays(180)))
			.isFalse();
		assertThat(account.passwordExpired(NOW.plus(java.time.Duration.ofDays(999)), java.time.Duration.ZERO))
			.isFalse();
	}

	@Test
	void locksOnlyWhileTheLockoutLasts() {
		Account locked = new Account(AccountId.random(), "u.locked", "某", TOWNSHIP.id(),
				Set.of(new RoleGrant(Role.WINDOW_CLERK)), "hash", NOW, false, 0, NOW.plusSeconds(900), false, null, 0,
				null, false, 1L);

		assertThat(locked.isLocked(NOW)).isTrue();
		assertThat(locked.isLocked(NOW.plusSeconds(901))).isFalse();
	}

	private static Account open(String username, Role role) {
		return Account.open(new NewAccount(username, "李四", TOWNSHIP.id(), Set.of(role)), TOWNSHIP, "hash", NOW, false);
	}

}
