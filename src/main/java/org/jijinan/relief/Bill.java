package org.jijinan.relief;

import java.math.BigDecimal;

import org.jijinan.shared.RuleViolation;

/**
 * One admission's bill as the hospital presents it.
 *
 * @param inPolicy costs within the insurance catalogue (政策范围内)
 * @param outOfPolicy costs outside it (政策范围外), paid by the patient
 * @param level the hospital's level
 * @param patientClass the patient's medical-assistance class
 */
public record Bill(BigDecimal inPolicy, BigDecimal outOfPolicy, HospitalLevel level, PatientClass patientClass) {

	public Bill {
		if (inPolicy.signum() < 0 || outOfPolicy.signum() < 0 || inPolicy.scale() > 2 || outOfPolicy.scale() > 2) {
			throw new RuleViolation("relief.bill-invalid");
		}
		inPolicy = Money.fen(inPolicy);
		outOfPolicy = Money.fen(outOfPolicy);
	}

	/**
	 * @return the whole bill
	 */
	public BigDecimal total() {
		return inPolicy.add(outOfPolicy);
	}

}
