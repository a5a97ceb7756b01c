package org.jijinan.casework;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One return of a task (退回): which unit gave it back, who, when and why.
 *
 * @param unitId the unit that returned it
 * @param unitName its name at the time
 * @param returnedBy who returned it
 * @param returnedAt when
 * @param reason why
 */
@Table("casework_task_return")
record TaskReturn(UUID unitId, String unitName, String returnedBy, Instant returnedAt, String reason) {
}
