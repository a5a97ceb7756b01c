package org.jijinan.relief;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * How a temporary-assistance amount was computed, so that a proposal can show its reason: the standard times the
 * multiple, the months, the household's persons and the band's share, then the caps.
 *
 * @param cause the hardship cause whose rule applied
 * @param urban whether the urban standard applied
 * @param standard the monthly standard per person
 * @param multiple the rule's multiple
 * @param months the months covered
 * @param persons the persons in the household
 * @param band the band
 * @param bandRatio the band's share
 * @param formula standard × multiple × months × persons × share
 * @param capApplied which cap cut it ({@code PER_GRANT} or {@code YEARLY}), or {@code null}
 * @param amount what may be granted without a case-by-case decision
 */
public record Computation(String cause, boolean urban, BigDecimal standard, BigDecimal multiple, int months,
		int persons, String band, BigDecimal bandRatio, BigDecimal formula, @Nullable String capApplied,
		BigDecimal amount) {

	/**
	 * Computes the amount for one proposal.
	 * @param receivedThisYear what the household already received this calendar year
	 */
	static Computation of(PolicyRules rules, String cause, String band, int persons, boolean urban,
			BigDecimal receivedThisYear) {
		PolicyRules.HardshipRule rule = rules.hardshipRule(cause)
			.orElseThrow(() -> new org.jijinan.shared.RuleViolation("relief.no-rule-for-cause", cause));
		PolicyRules.Band chosen = rule.band(band)
			.orElseThrow(() -> new org.jijinan.shared.InvalidInput("relief.unknown-band", band));
		if (persons < 1 || persons > 30) {
			throw new org.jijinan.shared.InvalidInput("relief.persons-invalid");
		}
		BigDecimal standard = rules.standard(urban);
		BigDecimal formula = Money.fen(standard.multiply(rule.multiple())
			.multiply(BigDecimal.valueOf((long) rule.months() * persons))
			.multiply(chosen.ratio()));
		BigDecimal amount = formula;
		String cap = null;
		if (amount.compareTo(rule.perGrantCap()) > 0) {
			amount = Money.fen(rule.perGrantCap());
			cap = "PER_GRANT";
		}
		BigDecimal yearlyLeft = Money.positive(rule.householdYearlyCap().subtract(receivedThisYear));
		if (amount.compareTo(yearlyLeft) > 0) {
			amount = yearlyLeft;
			cap = "YEARLY";
		}
		return new Computation(cause, urban, Money.fen(standard), rule.multiple(), rule.months(), persons,
				chosen.name(), chosen.ratio(), formula, cap, amount);
	}

	/**
	 * @return the explanation in Chinese, as the proposal and the decision notice print it
	 */
	public String explanation() {
		String text = (urban ? "城市" : "农村") + "低保标准 " + standard.toPlainString() + " 元/人·月 × "
				+ multiple.stripTrailingZeros().toPlainString() + " 倍 × " + months + " 个月 × " + persons + " 人 × " + band
				+ " " + bandRatio.movePointRight(2).stripTrailingZeros().toPlainString() + "% = "
				+ formula.toPlainString() + " 元";
		if ("PER_GRANT".equals(capApplied)) {
			text += "；超过单次救助上限，按上限 " + amount.toPlainString() + " 元";
		}
		else if ("YEARLY".equals(capApplied)) {
			text += "；受家庭年度救助上限限制，本次最多 " + amount.toPlainString() + " 元";
		}
		return text;
	}

}
