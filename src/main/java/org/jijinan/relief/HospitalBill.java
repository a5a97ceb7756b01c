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
 */
public record HospitalBill(@Nullable String idNumber, @Nullable String patientName, @Nullable String hospitalCode,
		@Nullable String hospitalName, @Nullable HospitalLevel hospitalLevel, @Nullable String admissionNumber,
		@Nullable LocalDate admittedOn, @Nullable LocalDate dischargedOn, @Nullable BigDecimal inPolicy,
		@Nullable BigDecimal outOfPolicy, @Nullable BigDecimal total, @Nullable String patientClass) {

	@Override
	public String toString() {
		return "HospitalBill[" + hospitalCode + "/" + admissionNumber + "]";
	}

}
