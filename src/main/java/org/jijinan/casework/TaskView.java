package org.jijinan.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the referring township and the receiving unit see of a task: the minimum of the case it needs (its number
 * and the person's name), never ID numbers, phones or the household.
 *
 * @param id the task
 * @param caseNumber the case it serves
 * @param subjectName the person's name
 * @param kind what is asked
 * @param request what exactly
 * @param status where it stands
 * @param unitId the receiving unit
 * @param unitName its name
 * @param owner who is responsible now
 * @param referredBy who referred it
 * @param referredAt when it was (last) referred
 * @param acceptBy when it must be accepted or returned
 * @param dueAt when it must be done
 * @param acceptedBy who accepted it
 * @param acceptedAt when
 * @param completedBy who finished it
 * @param completedAt when
 * @param result what was done
 * @param returns how many times it was returned
 * @param withdrawalReason why it was withdrawn, when its case ended before it was done
 * @param resultNotedAt when whoever referred it read its result
 * @param returnHistory the returns, oldest first
 */
public record TaskView(UUID id, String caseNumber, @Nullable String subjectName, TaskKind kind, String request,
		TaskStatus status, UUID unitId, String unitName, String owner, String referredBy, Instant referredAt,
		Instant acceptBy, Instant dueAt, @Nullable String acceptedBy, @Nullable Instant acceptedAt,
		@Nullable String completedBy, @Nullable Instant completedAt, @Nullable String result, int returns,
		@Nullable String withdrawalReason, @Nullable Instant resultNotedAt, List<Return> returnHistory) {

	/**
	 * One return.
	 *
	 * @param unitName the unit that returned it
	 * @param by who
	 * @param at when
	 * @param reason why
	 */
	public record Return(String unitName, String by, Instant at, String reason) {
	}

}
