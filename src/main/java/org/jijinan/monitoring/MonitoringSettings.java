package org.jijinan.monitoring;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The county's settings for early warning.
 *
 * @param redWorkingDays working days to check a red warning
 * @param orangeWorkingDays working days to check an orange warning
 * @param yellowWorkingDays working days to check a yellow warning
 * @param retryWorkingDays working days until a household that could not be reached is tried again
 * @param retentionMonths how long signals are kept; older ones are purged
 * @param purgeInterval how often the purge looks for signals past retention
 */
@ConfigurationProperties("jijinan.monitoring")
@Validated
public record MonitoringSettings(@DefaultValue("1") @Min(1) @Max(30) int redWorkingDays,
		@DefaultValue("3") @Min(1) @Max(30) int orangeWorkingDays,
		@DefaultValue("7") @Min(1) @Max(30) int yellowWorkingDays,
		@DefaultValue("2") @Min(1) @Max(30) int retryWorkingDays,
		@DefaultValue("36") @Min(13) @Max(120) int retentionMonths, @DefaultValue("PT6H") Duration purgeInterval) {
}
