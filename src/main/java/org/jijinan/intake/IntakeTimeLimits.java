package org.jijinan.intake;

import org.jijinan.timelimits.Limit;
import org.jijinan.timelimits.TimeLimit;
import org.jijinan.timelimits.TimeLimitDefault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's acceptance limits, where neither a county nor a township set their own.
 */
@Configuration(proxyBeanMethods = false)
class IntakeTimeLimits {

	@Bean
	TimeLimitDefault emergencyAcceptanceTimeLimit(IntakeSettings settings) {
		return new TimeLimitDefault(TimeLimit.EMERGENCY_ACCEPTANCE, Limit.hours(settings.emergencyAcceptHours()));
	}

	@Bean
	TimeLimitDefault acceptanceTimeLimit(IntakeSettings settings) {
		return new TimeLimitDefault(TimeLimit.ACCEPTANCE, Limit.workingDays(settings.acceptWorkingDays()));
	}

}
