package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One thing a household received, from any scheme.
 *
 * @param id the record
 * @param scheme {@code TEMPORARY}, {@code EMERGENCY}, {@code MEDICAL}, {@code DEPARTMENT} or {@code CHARITY}
 * @param cause the hardship cause, when the scheme knows one
 * @param sourceRef the decision, grant or settlement it comes from
 * @param billRef the hospital bill it paid towards
 * @param caseNumber the case, when there is one
 * @param subjectName the person
 * @param amount the cash (for a charity's or a department's help, what they reported: cash or the goods' value)
 * @param goodsValue what the goods were valued at, apart from the cash
 * @param goods goods
 * @param grantedBy who granted it
 * @param organisation the unit that granted it
 * @param grantedAt when
 * @param reversed whether it was reversed since
 */
public record AssistanceRecord(UUID id, String scheme, @Nullable String cause, String sourceRef,
		@Nullable String billRef, @Nullable String caseNumber, @Nullable String subjectName, BigDecimal amount,
		BigDecimal goodsValue, @Nullable String goods, String grantedBy, String organisation, Instant grantedAt, boolean reversed) {
}
