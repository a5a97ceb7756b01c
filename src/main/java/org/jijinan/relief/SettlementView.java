package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A settled hospital bill as the window prints it and the API returns it: who pays what, under which rules.
 *
 * @param id the settlement
 * @param patientName the patient
 * @param hospitalName the hospital
 * @param hospitalLevel its level
 * @param admissionNumber the hospital's admission number
 * @param admittedOn admitted
 * @param dischargedOn discharged
 * @param patientClass the medical-assistance class applied
 * @param inPolicy costs within the policy
 * @param outOfPolicy costs outside it
 * @param total the whole bill
 * @param basic paid by basic medical insurance
 * @param critical paid by critical-illness insurance
 * @param other paid by other insurance
 * @param basis {@code INSURERS} when settled on what the insurers reported, {@code PARAMETERS} for settlements made
 * before the platform took the insurers' payments (their share was worked out from the parameters)
 * @param basicReference basic insurance's settlement number
 * @param criticalReference critical-illness insurance's
 * @param otherReference other insurance's
 * @param assistance paid by medical assistance
 * @param patient left for the patient to pay at discharge
 * @param rulesVersion the rules applied
 * @param yearToDate what the person has used this year, including this bill
 * @param settledBy who settled it
 * @param organisation for which hospital or office
 * @param settledAt when
 * @param reversedBy who reversed it
 * @param reversedAt when
 * @param reversalReason why
 */
public record SettlementView(UUID id, String patientName, String hospitalName, HospitalLevel hospitalLevel,
		String admissionNumber, LocalDate admittedOn, @Nullable LocalDate dischargedOn, PatientClass patientClass,
		BigDecimal inPolicy, BigDecimal outOfPolicy, BigDecimal total, BigDecimal basic, BigDecimal critical,
		BigDecimal other, String basis, @Nullable String basicReference, @Nullable String criticalReference,
		@Nullable String otherReference, BigDecimal assistance, BigDecimal patient, String rulesVersion,
		@Nullable YearToDate yearToDate,
		String settledBy, String organisation, Instant settledAt, @Nullable String reversedBy,
		@Nullable Instant reversedAt, @Nullable String reversalReason) {

	@Override
	public String toString() {
		return "Settlement[" + id + "]";
	}

}
