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
 * @param totals the cash each scheme gave (reversed records not counted)
 * @param goodsValues the value of the goods each scheme gave, apart from the cash (schemes that gave goods of a
 * known value only)
 * @param recoveries what is being, or was, recovered of that aid (追回), oldest first
 */
public record ChainView(@Nullable UUID householdId, @Nullable UUID personId, List<AssistanceRecord> records,
		Map<String, BigDecimal> totals, Map<String, BigDecimal> goodsValues, List<RecoveryView> recoveries) {

	static ChainView of(@Nullable UUID householdId, @Nullable UUID personId, List<AssistanceRecord> records,
			List<RecoveryView> recoveries) {
		Map<String, BigDecimal> totals = new java.util.TreeMap<>();
		Map<String, BigDecimal> goodsValues = new java.util.TreeMap<>();
		records.stream().filter(record -> !record.reversed()).forEach(record -> {
			totals.merge(record.scheme(), record.amount(), BigDecimal::add);
			if (record.goodsValue().signum() > 0) {
				goodsValues.merge(record.scheme(), record.goodsValue(), BigDecimal::add);
			}
		});
		return new ChainView(householdId, personId, records, totals, goodsValues, recoveries);
	}

}
