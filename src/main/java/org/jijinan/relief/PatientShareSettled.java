package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A hospital bill was settled in one step and the patient owes their own share: what early warning needs to see a
 * household's medical spending grow beyond its means. Carries no name, diagnosis or bill detail.
 *
 * @param settlementId the settlement
 * @param personId the patient
 * @param householdId the patient's household, if any
 * @param residencePath the region path of the patient's registered residence
 * @param dischargedOn the day of discharge, which dates the spending
 * @param patientShare what the patient pays of this bill
 * @param yearTotal what the patient paid of all bills settled this calendar year, this one included
 */
public record PatientShareSettled(UUID settlementId, UUID personId, @Nullable UUID householdId, String residencePath,
		LocalDate dischargedOn,
		BigDecimal patientShare, BigDecimal yearTotal) {
}
