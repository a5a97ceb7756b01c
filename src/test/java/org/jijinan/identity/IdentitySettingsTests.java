package org.jijinan.identity;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdentitySettingsTests {

	@Test
	void requiresTotpForEveryRoleWhenConfiguredWithAll() {
		var production = settings(Set.of("ALL"));

		for (Role role : Role.values()) {
			assertThat(production.totpRequired(Set.of(role))).as(role.name()).isTrue();
		}
	}

	@Test
	void requiresTotpOnlyForTheNamedRoles() {
		var settings = settings(Set.of("COUNTY_APPROVER"));

		assertThat(settings.totpRequired(Set.of(Role.WINDOW_CLERK))).isFalse();
		assertThat(settings.totpRequired(Set.of(Role.WINDOW_CLERK, Role.COUNTY_APPROVER))).isTrue();
	}

	@Test
	void givesSomeoneWithAnApproverRoleTheShorterIdleTimeout() {
		var settings = settings(Set.of());

		assertThat(settings.idleTimeoutFor(Set.of(Role.LEADER))).isEqualTo(Duration.ofMinutes(30));
		assertThat(settings.idleTimeoutFor(Set.of(Role.LEADER, Role.COUNTY_APPROVER))).isEqualTo(Duration.ofMinutes(15));
	}

	private static IdentitySettings settings(Set<String> totpRequiredFor) {
		return new IdentitySettings(5, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(15),
				Duration.ofDays(180), totpRequiredFor, "救急难", 600, Duration.ofSeconds(10));
	}

}
