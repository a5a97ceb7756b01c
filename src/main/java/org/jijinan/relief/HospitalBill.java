package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A bill as a hospital presents it for one-stop settlement at discharge.
 *
 * @param idNumber the patient's citizen ID number
 * @param patientName the patient's name, checked against the registry
 * @param hospitalCode the hospital's code (定点医疗机构编码)
 * @param hospitalName its name
 * @param hospitalLevel its level
 * @param admissionNumber the hospital's admission number (住院号)
 * @param admittedOn admitted
 * @param dischargedOn discharged
 * @param inPolicy costs within the insurance catalogue
 * @param outOfPolicy costs outside it
 * @param total the whole bill, which must be the sum of the two
 * @param patientClass the class the hospital expects, if it gives one; checked against the registry
 * @param basicPaid what basic medical insurance paid, as its settlement reports it (required to settle, not to
 * pre-settle)
 * @param basicReference basic insurance's settlement number (结算流水号), required when it paid anything
 * @param criticalPaid what critical-illness insurance paid (required to settle)
 * @param criticalReference its settlement number, required when it paid anything
 * @param otherPaid what other insurance paid, if any
 * @param otherReference its settlement number, required when it paid anything
 */
public record HospitalBill(@Nullable String idNumber, @Nullable String patientName, @Nullable String hospitalCode,
		@Nullable String hospitalName, @Nullable HospitalLevel hospitalLevel, @Nullable String admissionNumber,
		@Nullable LocalDate admittedOn, @Nullable LocalDate dischargedOn, @Nullable BigDecimal inPolicy,
		@Nullable BigDecimal outOfPolicy, @Nullable BigDecimal total, @Nullable String patientClass,
		@Nullable BigDecimal basicPaid, @Nullable String basicReference, @Nullable BigDecimal criticalPaid,
		@Nullable String criticalReference, @Nullable BigDecimal otherPaid, @Nullable String otherReference) {

	@Override
	public String toString() {
		return "HospitalBill[" + hospitalCode + "/" + admissionNumber + "]";
	}

}
