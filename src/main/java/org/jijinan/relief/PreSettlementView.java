package org.jijinan.relief;

import java.math.BigDecimal;

/**
 * A pre-settlement (预结算): what the split would be if the insurers paid what the county's parameters say. An
 * estimate for the patient and the hospital before the insurers settle; nothing is recorded and nobody is paid.
 *
 * @param estimate always {@code true}: this is not a settlement
 * @param patientName the patient
 * @param patientClass the medical-assistance class applied
 * @param inPolicy costs within the policy
 * @param outOfPolicy costs outside it
 * @param total the whole bill
 * @param basic what basic medical insurance would pay
 * @param critical what critical-illness insurance would pay
 * @param assistance what medical assistance would pay
 * @param patient what would be left for the patient
 * @param rulesVersion the rules the estimate used
 */
public record PreSettlementView(boolean estimate, String patientName, PatientClass patientClass, BigDecimal inPolicy,
		BigDecimal outOfPolicy, BigDecimal total, BigDecimal basic, BigDecimal critical, BigDecimal assistance,
		BigDecimal patient, String rulesVersion) {
}
