package org.jijinan.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A budget and what it carries now.
 *
 * @param id the budget
 * @param scheme what for
 * @param township the township it is allocated to; none for the county's own
 * @param townshipName that township's name
 * @param periodFrom first day
 * @param periodTo last day
 * @param amount the budget
 * @param committed approved and not yet paid
 * @param spent paid, less what came back
 * @param left what approvals may still commit
 * @param note what the budget document says
 */
public record Standing(UUID id, Scheme scheme, @Nullable String township, @Nullable String townshipName,
		LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, BigDecimal committed, BigDecimal spent,
		BigDecimal left, @Nullable String note) {

	/**
	 * @return what is committed or spent, in percent of the budget
	 */
	public int usedPercent() {
		return committed.add(spent)
			.multiply(BigDecimal.valueOf(100))
			.divide(amount, 0, java.math.RoundingMode.HALF_UP)
			.intValue();
	}

}
