package org.jijinan.supervision;

import org.jijinan.timelimits.Limit;
import org.jijinan.timelimits.TimeLimit;
import org.jijinan.timelimits.TimeLimitDefault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's investigation and decision limits, where neither a county nor a township set their own.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionTimeLimits {

	@Bean
	TimeLimitDefault investigationTimeLimit(SupervisionSettings settings) {
		return new TimeLimitDefault(TimeLimit.INVESTIGATION, Limit.workingDays(settings.investigationWorkingDays()));
	}

	@Bean
	TimeLimitDefault decisionTimeLimit(SupervisionSettings settings) {
		return new TimeLimitDefault(TimeLimit.DECISION, Limit.workingDays(settings.approvalWorkingDays()));
	}

}
