package org.jijinan.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.Staff;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.UnitView;
import org.jijinan.region.DivisionLevel;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.WrittenText;
import org.jijinan.shared.RuleViolation;
import org.jijinan.timelimits.TimeLimit;
import org.jijinan.timelimits.TimeLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral and split handling (转办/分办): the township refers tasks from a case to units of its county, each with a
 * time to accept and a time to finish; the receiving unit accepts, returns with a reason, or completes with a result.
 * A receiving unit sees only its own tasks and the little of the case they need.
 */
@Service
public class TaskDesk {

	private final CaseTasks tasks;

	private final Cases cases;

	private final CaseDesk caseDesk;

	private final StaffDirectory directory;

	private final RegionDirectory regions;

	private final WorkingDayCalendar calendar;

	private final CaseworkSettings settings;

	private final Clock clock;

	private final TimeLimits timeLimits;

	TaskDesk(CaseTasks tasks, Cases cases, CaseDesk caseDesk, StaffDirectory directory, RegionDirectory regions,
			WorkingDayCalendar calendar, CaseworkSettings settings, Clock clock, TimeLimits timeLimits) {
		this.timeLimits = timeLimits;
		this.tasks = tasks;
		this.cases = cases;
		this.caseDesk = caseDesk;
		this.directory = directory;
		this.regions = regions;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Refers a task from an open case to a unit of the case's county.
	 * @param dueWorkingDays working days to finish it; the county's default when {@code null}
	 */
	@Transactional
	public TaskView refer(String caseNumber, UUID unitId, TaskKind kind, @Nullable String request,
			@Nullable Integer dueWorkingDays, Caller caller) {
		Case from = handledCase(caseNumber, caller);
		if (!from.view().status().open()) {
			throw new RuleViolation("casework.case-closed", caseNumber);
		}
		var referral = referral(from, unitId, kind, request, dueWorkingDays);
		CaseTask task = tasks.save(CaseTask.refer(from, referral, caller.name(), clock.instant()));
		return task.view(caseNumber, from.view().subjectName());
	}

	/**
	 * Refers a returned task again, to the same unit or another.
	 */
	@Transactional
	public TaskView referAgain(UUID taskId, UUID unitId, Caller caller) {
		CaseTask task = load(taskId);
		Case from = cases.findById(task.caseId()).orElseThrow();
		handledCase(from.number(), caller);
		TaskView before = task.view(from.number(), null);
		var referral = referral(from, unitId, before.kind(), before.request(), null);
		task.referAgain(from, referral, caller.name(), clock.instant());
		return tasks.save(task).view(from.number(), from.view().subjectName());
	}

	/**
	 * Whoever handles the case withdraws an unfinished task (撤回) with the reason the unit reads: it is no longer
	 * needed, or it was returned and will not be referred again, so that it neither stays owed nor keeps the case
	 * from ending.
	 */
	@Transactional
	public TaskView withdraw(UUID taskId, @Nullable String reason, Caller caller) {
		CaseTask task = load(taskId);
		Case from = cases.findById(task.caseId()).orElseThrow();
		handledCase(from.number(), caller);
		String why = WrittenText.required(reason, 2, 1000, "casework.withdrawal-reason-required");
		task.withdraw(from, why, caller.name(), clock.instant());
		return tasks.save(task).view(from.number(), from.view().subjectName());
	}

	/**
	 * Whoever handles the case has read what the unit did (已阅) and carries on with the case.
	 */
	@Transactional
	public TaskView noteResult(UUID taskId, Caller caller) {
		CaseTask task = load(taskId);
		Case from = cases.findById(task.caseId()).orElseThrow();
		handledCase(from.number(), caller);
		task.noteResult(caller.name(), clock.instant());
		return tasks.save(task).view(from.number(), from.view().subjectName());
	}

	/**
	 * @return the tasks the caller referred that still need them: waiting at the unit, returned, or done with a result
	 *         they have not read
	 */
	@Transactional(readOnly = true)
	public List<TaskView> followedByMe(Caller caller) {
		return withCases(tasks.findFollowedBy(caller.name()));
	}

	/**
	 * @return whether the caller may withdraw or refer again the task: they handle its case
	 */
	@Transactional(readOnly = true)
	public boolean mayDirect(TaskView task, Caller caller) {
		try {
			handledCase(task.caseNumber(), caller);
			return true;
		}
		catch (DomainProblem refused) {
			return false;
		}
	}

	/**
	 * The receiving unit accepts the task (签收).
	 */
	@Transactional
	public TaskView accept(UUID taskId, Caller caller) {
		return act(taskId, caller, (task, from) -> task.accept(from, caller.name(), clock.instant()));
	}

	/**
	 * The receiving unit gives the task back (退回) with a reason.
	 */
	@Transactional
	public TaskView giveBack(UUID taskId, @Nullable String reason, Caller caller) {
		return act(taskId, caller,
				(task, from) -> task.giveBack(from, reason == null ? "" : reason, caller.name(), clock.instant()));
	}

	/**
	 * The receiving unit finishes the task (办结) with its result.
	 */
	@Transactional
	public TaskView complete(UUID taskId, @Nullable String result, Caller caller) {
		return act(taskId, caller,
				(task, from) -> task.complete(from, result == null ? "" : result, caller.name(), clock.instant()));
	}

	/**
	 * @return the tasks of a case, to staff who may see the case
	 */
	@Transactional(readOnly = true)
	public List<TaskView> ofCase(String caseNumber, Caller caller) {
		Case found = visibleCase(caseNumber, caller);
		return tasks.findByCase(found.id()).stream().map(task -> task.view(caseNumber, found.view().subjectName())).toList();
	}

	/**
	 * @return the tasks referred to the caller's unit, those waiting for acceptance first
	 */
	@Transactional(readOnly = true)
	public List<TaskView> forMyUnit(Caller caller) {
		UUID unit = unitOf(caller);
		if (unit == null) {
			return List.of();
		}
		return withCases(tasks.findByUnit(unit));
	}

	private List<TaskView> withCases(List<CaseTask> found) {
		java.util.Map<UUID, Case> byId = new java.util.HashMap<>();
		cases.findAllById(found.stream().map(CaseTask::caseId).distinct().toList())
			.forEach(each -> byId.put(each.id(), each));
		return found.stream().map(task -> {
			Case from = byId.get(task.caseId());
			return task.view(from.number(), from.view().subjectName());
		}).toList();
	}

	/**
	 * @return whether the task was referred to the caller's unit (which may accept, return or complete it)
	 */
	public boolean receives(TaskView task, Caller caller) {
		return task.unitId().equals(unitOf(caller));
	}

	/**
	 * @return the task, to its receiving unit and to staff who may see its case
	 */
	@Transactional(readOnly = true)
	public TaskView find(UUID taskId, Caller caller) {
		CaseTask task = load(taskId);
		if (!task.unitId().equals(unitOf(caller))) {
			Case from = cases.findById(task.caseId()).orElseThrow();
			visibleCase(from.number(), caller);
		}
		return view(task);
	}

	/**
	 * @return the units a task of this case may be referred to
	 */
	@Transactional(readOnly = true)
	public List<UnitView> targets(String caseNumber, Caller caller) {
		return directory.referralTargets(countyPath(visibleCase(caseNumber, caller)));
	}

	private TaskView act(UUID taskId, Caller caller, TaskAction action) {
		CaseTask task = load(taskId);
		if (!task.unitId().equals(unitOf(caller))) {
			throw new Forbidden("casework.not-your-task");
		}
		Case from = cases.findById(task.caseId()).orElseThrow();
		action.apply(task, from);
		return tasks.save(task).view(from.number(), from.view().subjectName());
	}

	private CaseTask.Referral referral(Case from, UUID unitId, TaskKind kind, @Nullable String request,
			@Nullable Integer dueWorkingDays) {
		Instant now = clock.instant();
		DivisionCode township = from.view().township();
		int days = dueWorkingDays == null
				? timeLimits
					.inForce(TimeLimit.REFERRAL_COMPLETION, township, LocalDate.ofInstant(now, WorkingDayCalendar.COUNTY))
					.amount()
				: dueWorkingDays;
		if (days < 1 || days > settings.taskMaxWorkingDays()) {
			throw new InvalidInput("casework.task-due-out-of-range", settings.taskMaxWorkingDays());
		}
		UnitView unit = directory.referralTargets(countyPath(from))
			.stream()
			.filter(candidate -> candidate.id().value().equals(unitId))
			.findFirst()
			.orElseThrow(() -> new RuleViolation("casework.unit-not-a-target"));
		return new CaseTask.Referral(kind, request, unit.id().value(), unit.name(),
				timeLimits.due(TimeLimit.REFERRAL_ACCEPTANCE, township, now), calendar.plusWorkingDays(now, days),
				days);
	}

	private String countyPath(Case found) {
		return regions.lineage(found.view().township())
			.stream()
			.filter(division -> division.level() == DivisionLevel.COUNTY)
			.findFirst()
			.map(DivisionView::code)
			.map(regions::path)
			.orElseThrow();
	}

	private TaskView view(CaseTask task) {
		Case from = cases.findById(task.caseId()).orElseThrow();
		return task.view(from.number(), from.view().subjectName());
	}

	private Case handledCase(String caseNumber, Caller caller) {
		return caseDesk.handled(caseNumber, caller);
	}

	private Case visibleCase(String caseNumber, Caller caller) {
		return caseDesk.visible(caseNumber, caller);
	}

	private CaseTask load(UUID taskId) {
		return tasks.findById(taskId).orElseThrow(() -> new NotFound("casework.task-not-found"));
	}

	private static @Nullable UUID unitOf(Caller caller) {
		return caller instanceof Staff staff ? staff.unit().id().value() : null;
	}

	@FunctionalInterface
	private interface TaskAction {

		void apply(CaseTask task, Case from);

	}

}
