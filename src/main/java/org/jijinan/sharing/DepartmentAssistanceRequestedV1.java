package org.jijinan.sharing;

import java.time.Instant;

import org.springframework.modulith.events.Externalized;

/**
 * A case needs a department's own assistance (a task of kind {@code DEPARTMENT_ASSISTANCE} referred to a
 * department): topic {@code jijinan.department-assistance-requested.v1}, keyed by the department's unit id, so each
 * department's system can follow its own requests.
 *
 * @param unitKind the department's kind, such as {@code EDUCATION_DEPARTMENT}
 */
@Externalized("jijinan.department-assistance-requested.v1::#{unitId()}")
public record DepartmentAssistanceRequestedV1(String messageId, String type, int version, Instant occurredAt,
		String taskId, String caseNumber, String township, String unitId, String unitKind, Instant acceptBy,
		Instant dueAt) implements OutboundMessage {
}
