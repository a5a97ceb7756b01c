package org.jijinan.supervision;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Time limits and escalation (policy defaults: investigation, review and approval within 15 working days).
 *
 * @param investigationWorkingDays from opening a case to a proposal
 * @param approvalWorkingDays from a proposal to a decision
 * @param paymentWorkingDays from a decision to the start of delivery
 * @param warnAt the share of a step's time after which its owner is warned (0.75: with a quarter left)
 * @param supervisorAfterWorkingDays working days past the due time before the county's supervisors are alerted
 * @param sweepInterval how often the sweep looks for due warnings and escalations
 * @param sweepBatch how many steps one sweep transaction claims
 */
@ConfigurationProperties("jijinan.supervision")
@Validated
public record SupervisionSettings(@DefaultValue("10") @Min(1) int investigationWorkingDays,
		@DefaultValue("5") @Min(1) int approvalWorkingDays, @DefaultValue("5") @Min(1) int paymentWorkingDays,
		@DefaultValue("0.75") @DecimalMin("0.1") @DecimalMax("0.99") double warnAt,
		@DefaultValue("1") @Min(0) int supervisorAfterWorkingDays, @DefaultValue("PT30S") Duration sweepInterval,
		@DefaultValue("1000") @Min(1) int sweepBatch) {
}
