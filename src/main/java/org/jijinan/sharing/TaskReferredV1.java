package org.jijinan.sharing;

import java.time.Instant;

import org.springframework.modulith.events.Externalized;

/**
 * A case's task was referred to a unit (转办): topic {@code jijinan.task-referred.v1}, keyed by case number.
 *
 * @param taskKind {@code VERIFY}, {@code DEPARTMENT_ASSISTANCE}, {@code SERVICE}, {@code CHARITY_HELP} or {@code OTHER}
 * @param township the township's division code
 * @param unitId the receiving unit
 * @param acceptBy when it must be accepted or returned
 * @param dueAt when it must be done
 */
@Externalized("jijinan.task-referred.v1::#{caseNumber()}")
public record TaskReferredV1(String messageId, String type, int version, Instant occurredAt, String taskId,
		String caseNumber, String taskKind, String township, String unitId, String unitName, Instant acceptBy,
		Instant dueAt) implements OutboundMessage {
}
