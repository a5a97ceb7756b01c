package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A signal as a department's system sends it.
 *
 * @param kind what happened, as {@link SignalKind} names it
 * @param reference the source's own reference for the fact (a registration number …): sending it again changes nothing
 * @param idNumber the person's citizen ID number
 * @param occurredOn the day it happened
 * @param amount the figure the kind carries: the own share, the loss, the arrears, the annual income (yuan)
 * @param yearTotal for medical spending, the person's own share of the calendar year so far (yuan)
 * @param category for an ended standing, the category (such as {@code MINIMUM_LIVING_ALLOWANCE})
 * @param detail the department's own words (a diagnosis, a school's name …); sealed, shown only to those checking
 */
public record NewSignal(@Schema(description = "One of SignalKind: MEDICAL_SPENDING, HOSPITAL_ADMISSION, "
		+ "DISABILITY_REGISTERED, UNEMPLOYMENT_REGISTERED, DEATH, DISASTER_DAMAGE, SCHOOL_DROPOUT, ARREARS, STANDING_ENDED, "
		+ "HOUSEHOLD_INCOME") @Nullable @Size(max = 30) String kind, @Nullable @Size(max = 100) String reference,
		@Nullable @Size(max = 20) String idNumber, @Nullable LocalDate occurredOn, @Nullable BigDecimal amount,
		@Nullable BigDecimal yearTotal, @Nullable @Size(max = 40) String category,
		@Nullable @Size(max = 500) String detail) {

	@Override
	public String toString() {
		return "NewSignal[" + kind + ", " + reference + "]";
	}

}
