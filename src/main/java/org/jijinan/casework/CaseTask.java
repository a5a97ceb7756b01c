package org.jijinan.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A task referred from a case to another unit (转办/分办): a department, another township, a charity or a
 * social-work agency. The referrer owns it until the receiving unit accepts it; the receiving unit then owns it until
 * it is done. Every return is kept with its reason.
 */
@Table("casework_task")
class CaseTask extends AbstractAggregateRoot<CaseTask> {

	private final @Id UUID id;

	private final UUID caseId;

	private final TaskKind kind;

	private final String request;

	private TaskStatus status;

	private UUID unitId;

	private String unitName;

	private String owner;

	private final String referredBy;

	private Instant referredAt;

	private Instant acceptBy;

	private Instant dueAt;

	private final int dueWorkingDays;

	private @Nullable String acceptedBy;

	private @Nullable Instant acceptedAt;

	private @Nullable String completedBy;

	private @Nullable Instant completedAt;

	private @Nullable String result;

	private int returns;

	private @Nullable String withdrawnBy;

	private @Nullable Instant withdrawnAt;

	private @Nullable String withdrawalReason;

	private @Nullable String resultNotedBy;

	private @Nullable Instant resultNotedAt;

	@MappedCollection(idColumn = "task_id", keyColumn = "ordinal")
	private final List<TaskReturn> returnHistory;

	private @Version @Nullable Long version;

	@PersistenceCreator
	CaseTask(UUID id, UUID caseId, TaskKind kind, String request, TaskStatus status, UUID unitId, String unitName,
			String owner, String referredBy, Instant referredAt, Instant acceptBy, Instant dueAt, int dueWorkingDays,
			@Nullable String acceptedBy, @Nullable Instant acceptedAt, @Nullable String completedBy,
			@Nullable Instant completedAt, @Nullable String result, int returns, @Nullable String withdrawnBy,
			@Nullable Instant withdrawnAt, @Nullable String withdrawalReason, @Nullable String resultNotedBy,
			@Nullable Instant resultNotedAt, List<TaskReturn> returnHistory, @Nullable Long version) {
		this.id = id;
		this.caseId = caseId;
		this.kind = kind;
		this.request = request;
		this.status = status;
		this.unitId = unitId;
		this.unitName = unitName;
		this.owner = owner;
		this.referredBy = referredBy;
		this.referredAt = referredAt;
		this.acceptBy = acceptBy;
		this.dueAt = dueAt;
		this.dueWorkingDays = dueWorkingDays;
		this.acceptedBy = acceptedBy;
		this.acceptedAt = acceptedAt;
		this.completedBy = completedBy;
		this.completedAt = completedAt;
		this.result = result;
		this.returns = returns;
		this.withdrawnBy = withdrawnBy;
		this.withdrawnAt = withdrawnAt;
		this.withdrawalReason = withdrawalReason;
		this.resultNotedBy = resultNotedBy;
		this.resultNotedAt = resultNotedAt;
		this.returnHistory = returnHistory;
		this.version = version;
	}

	/**
	 * Refers a task from an open case; the referrer owns it until the receiving unit accepts it.
	 */
	static CaseTask refer(Case from, Referral referral, String by, Instant now) {
		String asked = WrittenText.required(referral.request(), 2, 1000, "casework.task-request-required");
		var task = new CaseTask(UUID.randomUUID(), from.id(), referral.kind(), asked, TaskStatus.REFERRED,
				referral.unitId(), referral.unitName(), by, by, now, referral.acceptBy(), referral.dueAt(),
				referral.dueWorkingDays(), null, null, null, null, null, 0, null, null, null, null, null, new ArrayList<>(),
				null);
		task.registerEvent(task.referred(from));
		return task;
	}

	/**
	 * Refers a returned task again, to the same unit or another.
	 */
	void referAgain(Case from, Referral referral, String by, Instant now) {
		move(TaskStatus.REFERRED);
		this.unitId = referral.unitId();
		this.unitName = referral.unitName();
		this.owner = by;
		this.referredAt = now;
		this.acceptBy = referral.acceptBy();
		this.dueAt = referral.dueAt();
		this.acceptedBy = null;
		this.acceptedAt = null;
		registerEvent(referred(from));
	}

	/**
	 * The receiving unit accepts (签收) and owns the task from now on.
	 */
	void accept(Case from, String by, Instant now) {
		move(TaskStatus.ACCEPTED);
		this.acceptedBy = by;
		this.acceptedAt = now;
		this.owner = by;
		registerEvent(new TaskAccepted(id, from.number(), from.township(), unitId, unitName, by, now, acceptBy, dueAt));
	}

	/**
	 * The receiving unit gives the task back (退回) with a reason; it goes back to the referrer.
	 */
	void giveBack(Case from, String reason, String by, Instant now) {
		String why = WrittenText.required(reason, 2, 1000, "casework.return-reason-required");
		move(TaskStatus.RETURNED);
		this.returns++;
		this.returnHistory.add(new TaskReturn(unitId, unitName, by, now, why));
		this.owner = referredBy;
		registerEvent(new TaskReturned(id, from.number(), from.township(), unitId, unitName, by, now, why, returns));
	}

	/**
	 * The receiving unit finishes the task (办结) with its result.
	 */
	void complete(Case from, String outcome, String by, Instant now) {
		String done = WrittenText.required(outcome, 2, 2000, "casework.task-result-required");
		move(TaskStatus.COMPLETED);
		this.completedBy = by;
		this.completedAt = now;
		this.result = done;
		registerEvent(new TaskCompleted(id, from.number(), from.township(), unitId, unitName, by, now, dueAt, done));
	}

	/**
	 * The case ended before the task was done, or whoever handles the case no longer needs it: the task is
	 * withdrawn (撤回) with the reason the unit reads, and nobody owes it any more.
	 */
	void withdraw(Case from, String reason, String by, Instant now) {
		move(TaskStatus.WITHDRAWN);
		this.withdrawnBy = by;
		this.withdrawnAt = now;
		this.withdrawalReason = reason;
		registerEvent(new TaskWithdrawn(id, from.number(), from.township(), unitId, unitName, by, now, reason));
	}

	/**
	 * Whoever referred the task has read the unit's result (已阅) and carries on with the case; reading it twice
	 * changes nothing.
	 */
	void noteResult(String by, Instant now) {
		if (status != TaskStatus.COMPLETED) {
			throw new RuleViolation("casework.task-not-completed");
		}
		if (resultNotedAt == null) {
			this.resultNotedBy = by;
			this.resultNotedAt = now;
		}
	}

	boolean open() {
		return status.open();
	}

	private TaskReferred referred(Case from) {
		return new TaskReferred(id, from.number(), from.township(), kind, unitId, unitName, owner, referredAt, acceptBy,
				dueAt);
	}

	private void move(TaskStatus target) {
		if (!status.canMoveTo(target)) {
			throw new IllegalTaskTransition(status, target);
		}
		this.status = target;
	}

	UUID id() {
		return id;
	}

	UUID caseId() {
		return caseId;
	}

	UUID unitId() {
		return unitId;
	}

	TaskView view(String caseNumber, @Nullable String subjectName) {
		return new TaskView(id, caseNumber, subjectName, kind, request, status, unitId, unitName, owner, referredBy,
				referredAt, acceptBy, dueAt, acceptedBy, acceptedAt, completedBy, completedAt, result, returns,
				withdrawalReason, resultNotedAt, returnHistory.stream()
					.map(r -> new TaskView.Return(r.unitName(), r.returnedBy(), r.returnedAt(), r.reason()))
					.toList());
	}

	/**
	 * Where a task goes and by when.
	 *
	 * @param kind what is asked
	 * @param request what exactly
	 * @param unitId the receiving unit
	 * @param unitName its name
	 * @param acceptBy when it must be accepted or returned
	 * @param dueAt when it must be done
	 * @param dueWorkingDays the working days given to finish it
	 */
	record Referral(TaskKind kind, @Nullable String request, UUID unitId, String unitName, Instant acceptBy,
			Instant dueAt, int dueWorkingDays) {
	}

}
