package org.jijinan.relief;

import java.time.Instant;
import java.util.UUID;

/**
 * A settled hospital bill was reversed: the patient's share it reported ({@link PatientShareSettled}) no longer
 * stands.
 *
 * @param settlementId the settlement
 * @param at when it was reversed
 */
public record PatientShareReversed(UUID settlementId, Instant at) {
}
