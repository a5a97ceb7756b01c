package org.jijinan.sharing;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/**
 * Aid was granted on a case: emergency aid at once ({@code EMERGENCY}) or approved temporary assistance
 * ({@code TEMPORARY}): topic {@code jijinan.aid-granted.v1}, keyed by case number.
 *
 * @param grantId the emergency grant or the decision
 * @param township the township's division code
 * @param cause the hardship cause
 * @param amount cash in yuan, two decimals
 * @param goods goods granted, if any
 */
@Externalized("jijinan.aid-granted.v1::#{caseNumber()}")
public record AidGrantedV1(String messageId, String type, int version, Instant occurredAt, String grantId,
		String caseNumber, String scheme, String township, @Nullable String cause, BigDecimal amount,
		@Nullable String goods) implements OutboundMessage {
}
