package org.jijinan.casework;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.identity.UnitView;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referred tasks over HTTP: the township refers them from a case; the receiving unit lists its own, accepts,
 * returns with a reason or completes with a result.
 */
@RestController
@RequestMapping("/api/v1")
class TaskController {

	private final TaskDesk desk;

	TaskController(TaskDesk desk) {
		this.desk = desk;
	}

	@Operation(summary = "List the tasks referred from a case",
			description = "Staff of the case's area (any role). Problems: 400 `casework.number-malformed`, 403 "
					+ "`casework.out-of-scope`, 404 `casework.case-not-found`.")
	@GetMapping("/cases/{number}/tasks")
	List<TaskView> ofCase(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.ofCase(number, caller);
	}

	@Operation(summary = "List the units a case's task may be referred to",
			description = "Every unit of the case's county except village committees. Staff of the case's area (any "
					+ "role); referring itself is for `TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` "
					+ "or `COUNTY_APPROVER`. Problems: 400 `casework.number-malformed`, 403 "
					+ "`casework.out-of-scope`, 404 `casework.case-not-found`.")
	@GetMapping("/cases/{number}/referral-targets")
	List<UnitView> targets(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.targets(number, caller);
	}

	@Operation(summary = "Refer a task to a unit",
			description = "The case's township staff refer work (a check, a service, a department's assistance) to a "
					+ "receiving unit, due in working days (the county's default when absent). Answers 201 with the "
					+ "task. Problems: 403 `casework.out-of-scope`, 404 `casework.case-not-found`, 400 "
					+ "`casework.task-due-out-of-range`, 409 `casework.illegal-transition`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/cases/{number}/tasks")
	ResponseEntity<TaskView> refer(@PathVariable String number, @Valid @RequestBody Order order,
			@AuthenticationPrincipal Caller caller) {
		TaskView task = desk.refer(number, order.unitId(), order.kind(), order.request(), order.dueWorkingDays(),
				caller);
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + task.id())).body(task);
	}

	@Operation(summary = "List the tasks referred to the caller's unit",
			description = "For the receiving unit's staff.")
	@GetMapping("/tasks")
	List<TaskView> mine(@AuthenticationPrincipal Caller caller) {
		return desk.forMyUnit(caller);
	}

	@Operation(summary = "Read a task",
			description = "The receiving unit's staff and the case's township. Problems: 403 `casework.not-your-task`, "
					+ "404 `casework.task-not-found`.")
	@GetMapping("/tasks/{id}")
	TaskView find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return desk.find(id, caller);
	}

	@Operation(summary = "Accept a referred task",
			description = "The receiving unit's staff. Problems: 403 `casework.not-your-task`, 404 "
					+ "`casework.task-not-found`, 409 when the task is no longer waiting.")
	@PostMapping("/tasks/{id}/acceptance")
	TaskView accept(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return desk.accept(id, caller);
	}

	@Operation(summary = "Return a task with a reason",
			description = "The receiving unit's staff; counted as a return. Problems: 403 `casework.not-your-task`, "
					+ "404 `casework.task-not-found`, 409.")
	@PostMapping("/tasks/{id}/return")
	TaskView giveBack(@PathVariable UUID id, @Valid @RequestBody Reason reason,
			@AuthenticationPrincipal Caller caller) {
		return desk.giveBack(id, reason.reason(), caller);
	}

	@Operation(summary = "Complete a task with its result",
			description = "The receiving unit's staff. Problems: 403 `casework.not-your-task`, 404 "
					+ "`casework.task-not-found`, 409.")
	@PostMapping("/tasks/{id}/completion")
	TaskView complete(@PathVariable UUID id, @Valid @RequestBody Outcome outcome,
			@AuthenticationPrincipal Caller caller) {
		return desk.complete(id, outcome.result(), caller);
	}

	@Operation(summary = "Withdraw a task (撤回)",
			description = "Whoever may handle the case (`TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER`, "
					+ "`COUNTY_APPROVER` of its area) withdraws an unfinished task — referred, accepted or returned — "
					+ "with the reason the unit reads; nobody owes it afterwards. Problems: 400 "
					+ "`casework.withdrawal-reason-required`, 403 `casework.not-allowed`/`casework.out-of-scope`, 404 "
					+ "`casework.task-not-found`, 409 `casework.illegal-task-transition` when it is finished or "
					+ "withdrawn already.")
	@PostMapping("/tasks/{id}/withdrawal")
	TaskView withdraw(@PathVariable UUID id, @Valid @RequestBody Reason reason,
			@AuthenticationPrincipal Caller caller) {
		return desk.withdraw(id, reason.reason(), caller);
	}

	@Operation(summary = "Note a completed task's result (已阅)",
			description = "Whoever may handle the case has read what the unit did and carries on with the case; until "
					+ "then the task waits on its referrer's home page. Noting twice changes nothing. Problems: 403 "
					+ "`casework.not-allowed`/`casework.out-of-scope`, 404 `casework.task-not-found`, 422 "
					+ "`casework.task-not-completed` before the unit has finished it.")
	@PostMapping("/tasks/{id}/result-noted")
	TaskView noteResult(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return desk.noteResult(id, caller);
	}

	@Operation(summary = "Refer a returned task to another unit",
			description = "The case's township staff. Problems: 403, 404 `casework.task-not-found`, 409.")
	@PostMapping("/tasks/{id}/referral")
	TaskView referAgain(@PathVariable UUID id, @Valid @RequestBody Target target,
			@AuthenticationPrincipal Caller caller) {
		return desk.referAgain(id, target.unitId(), caller);
	}

	/**
	 * A task to refer.
	 *
	 * @param unitId the receiving unit
	 * @param kind what is asked
	 * @param request what exactly
	 * @param dueWorkingDays working days to finish it (the county's default when absent)
	 */
	record Order(@NotNull UUID unitId, @NotNull TaskKind kind, @Nullable @Size(max = 1000) String request,
			@Nullable Integer dueWorkingDays) {
	}

	/**
	 * @param reason why the task is returned
	 */
	record Reason(@Nullable @Size(max = 1000) String reason) {
	}

	/**
	 * @param result what was done
	 */
	record Outcome(@Nullable @Size(max = 2000) String result) {
	}

	/**
	 * @param unitId the unit to refer a returned task to
	 */
	record Target(@NotNull UUID unitId) {
	}

}
