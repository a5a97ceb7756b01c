package org.jijinan.relief;

import java.math.BigDecimal;

/**
 * How one bill is split between the payers, in the order they pay (基本医保 → 大病保险 → 其他保险 → 医疗救助 → 个人).
 *
 * @param basic paid by basic medical insurance
 * @param critical paid by critical-illness insurance
 * @param other paid by other insurance
 * @param assistance paid by medical assistance
 * @param patient left for the patient
 * @param rulesVersion the rules the split was computed with
 * @param after the person's year to date including this bill
 */
public record Split(BigDecimal basic, BigDecimal critical, BigDecimal other, BigDecimal assistance,
		BigDecimal patient, String rulesVersion, YearToDate after) {

	/**
	 * @return what the insurers paid, as this split counted it
	 */
	public InsurerPayments insurers() {
		return new InsurerPayments(basic, critical, other);
	}

}
