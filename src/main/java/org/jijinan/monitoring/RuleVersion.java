package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One version of a county's rule: its parameters from a day on.
 *
 * @param code the rule
 * @param version 0 for the platform's default, then 1, 2 … as the county changes it
 * @param validFrom the first day signals are judged by it
 * @param active whether it raises warnings (an inactive rule can still be tried on past signals)
 * @param severity the warnings' severity, which sets the check's working days
 * @param threshold the amount in yuan the rule compares with, where it has one
 * @param multiple the multiple of the household's annual income, where the rule has one
 * @param months the window in months, where the rule has one
 * @param categories the categories whose households it applies to; empty for everyone
 */
public record RuleVersion(RuleCode code, int version, LocalDate validFrom, boolean active, Severity severity,
		@Nullable BigDecimal threshold, @Nullable BigDecimal multiple, @Nullable Integer months, Set<String> categories) {

	/**
	 * @return whether the rule applies to a household holding these categories
	 */
	boolean appliesTo(Set<String> held) {
		return categories.isEmpty() || categories.stream().anyMatch(held::contains);
	}

	/**
	 * @return the same rule with other parameters, as a proposal to try
	 */
	RuleVersion proposing(Severity severity, @Nullable BigDecimal threshold, @Nullable BigDecimal multiple,
			@Nullable Integer months, Set<String> categories) {
		return new RuleVersion(code, version + 1, validFrom, active, severity, threshold, multiple, months,
				Set.copyOf(categories));
	}

}
