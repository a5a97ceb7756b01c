package org.jijinan.relief;

import java.math.BigDecimal;

/**
 * What a person has already used this year, which the next admission's settlement builds on.
 *
 * @param basicPaid paid by basic insurance
 * @param criticalBase the patient's own in-policy payments after basic insurance, which critical-illness insurance's
 * yearly deductible and tiers are counted on
 * @param criticalPaid paid by critical-illness insurance
 * @param assistanceBase what was left within the policy after both insurances, which medical assistance's yearly
 * deductible is counted on
 * @param assistancePaid paid by medical assistance
 */
public record YearToDate(BigDecimal basicPaid, BigDecimal criticalBase, BigDecimal criticalPaid,
		BigDecimal assistanceBase, BigDecimal assistancePaid) {

	/** Nothing used yet. */
	public static final YearToDate NONE = new YearToDate(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);

}
