package org.jijinan.casework;

import org.jijinan.timelimits.Limit;
import org.jijinan.timelimits.TimeLimit;
import org.jijinan.timelimits.TimeLimitDefault;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's referral limits, where neither a county nor a township set their own.
 */
@Configuration(proxyBeanMethods = false)
class CaseworkTimeLimits {

	@Bean
	TimeLimitDefault referralAcceptanceTimeLimit(CaseworkSettings settings) {
		return new TimeLimitDefault(TimeLimit.REFERRAL_ACCEPTANCE, Limit.workingDays(settings.taskAcceptWorkingDays()));
	}

	@Bean
	TimeLimitDefault referralCompletionTimeLimit(CaseworkSettings settings) {
		return new TimeLimitDefault(TimeLimit.REFERRAL_COMPLETION, Limit.workingDays(settings.taskDueWorkingDays()));
	}

}
