package org.jijinan.relief;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A household's assistance chain over the last twelve months.
 *
 * @param householdId the household, when the case knows one
 * @param personId the person, when the case knows one
 * @param records everything received, newest first
 * @param totals what each scheme gave (reversed records not counted)
 */
public record ChainView(@Nullable UUID householdId, @Nullable UUID personId, List<AssistanceRecord> records,
		Map<String, BigDecimal> totals) {

	static ChainView of(@Nullable UUID householdId, @Nullable UUID personId, List<AssistanceRecord> records) {
		Map<String, BigDecimal> totals = new java.util.TreeMap<>();
		records.stream()
			.filter(record -> !record.reversed())
			.forEach(record -> totals.merge(record.scheme(), record.amount(), BigDecimal::add));
		return new ChainView(householdId, personId, records, totals);
	}

}
