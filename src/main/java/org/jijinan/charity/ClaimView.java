package org.jijinan.charity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A charity's claim on a need.
 *
 * @param id the claim
 * @param needId the need
 * @param projectId the project it is met from
 * @param projectName the project's name
 * @param unitName the charity
 * @param amount what the charity commits, yuan
 * @param status {@code CLAIMED}, {@code DELIVERED}, {@code CONFIRMED} or {@code CANCELLED}
 * @param claimedBy who claimed it
 * @param claimedAt when
 * @param deliveredAt when the charity reported the help given
 * @param deliveryNote what it gave
 * @param confirmedBy who at the township confirmed it
 * @param confirmedAt when
 */
public record ClaimView(UUID id, UUID needId, UUID projectId, String projectName, String unitName, BigDecimal amount,
		String status, String claimedBy, Instant claimedAt, @Nullable Instant deliveredAt,
		@Nullable String deliveryNote, @Nullable String confirmedBy, @Nullable Instant confirmedAt) {
}
