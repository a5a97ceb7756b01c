package org.jijinan.relief;

import java.math.BigDecimal;

import org.jijinan.shared.RuleViolation;

/**
 * What the insurers paid on one bill before medical assistance (基本医保、大病保险、其他补充保险), as the medical
 * insurance system reports it after settling — or, for a pre-settlement, as the county's parameters estimate it.
 *
 * @param basic paid by basic medical insurance
 * @param critical paid by critical-illness insurance
 * @param other paid by any other insurance (commercial or supplementary), counted against the in-policy costs first
 */
public record InsurerPayments(BigDecimal basic, BigDecimal critical, BigDecimal other) {

	public InsurerPayments {
		basic = checked(basic);
		critical = checked(critical);
		other = checked(other);
	}

	/**
	 * @return what the two public insurances paid together, which can only be within the catalogue
	 */
	public BigDecimal publicInsurance() {
		return basic.add(critical);
	}

	/**
	 * @return what all insurers paid together
	 */
	public BigDecimal total() {
		return basic.add(critical).add(other);
	}

	private static BigDecimal checked(BigDecimal amount) {
		if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new RuleViolation("relief.insurer-payment-invalid");
		}
		return Money.fen(amount);
	}

}
