package org.jijinan.casework;

import java.util.UUID;
import java.util.function.Supplier;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Task pages: referring from the case page, the receiving unit's list of its tasks, and one task with what the
 * viewer may do with it (accept, return, complete; or refer again after a return).
 */
@Controller
class TaskPages {

	private final TaskDesk desk;

	private final PageProblems problems;

	private final CasePages casePages;

	TaskPages(TaskDesk desk, PageProblems problems, CasePages casePages) {
		this.desk = desk;
		this.problems = problems;
		this.casePages = casePages;
	}

	@PostMapping("/cases/{number}/tasks")
	String refer(@PathVariable String number, @RequestParam String unitId, @RequestParam TaskKind kind,
			@RequestParam(required = false) @Nullable String request,
			@RequestParam(required = false) @Nullable Integer dueWorkingDays, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			desk.refer(number, uuid(unitId), kind, request, dueWorkingDays, caller);
			return "redirect:/cases/" + number + "#tasks";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return casePages.page(number, caller, model);
		}
	}

	@GetMapping("/tasks")
	String mine(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("tasks", desk.forMyUnit(caller));
		model.addAttribute("followed", desk.followedByMe(caller));
		return "casework/tasks";
	}

	@GetMapping("/tasks/{id}")
	String show(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, Model model) {
		return page(id, caller, model);
	}

	@PostMapping("/tasks/{id}/acceptance")
	String accept(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, Model model) {
		return act(id, caller, model, () -> desk.accept(id, caller));
	}

	@PostMapping("/tasks/{id}/return")
	String giveBack(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal Caller caller, Model model) {
		return act(id, caller, model, () -> desk.giveBack(id, reason, caller));
	}

	@PostMapping("/tasks/{id}/completion")
	String complete(@PathVariable UUID id, @RequestParam(required = false) @Nullable String result,
			@AuthenticationPrincipal Caller caller, Model model) {
		return act(id, caller, model, () -> desk.complete(id, result, caller));
	}

	@PostMapping("/tasks/{id}/referral")
	String referAgain(@PathVariable UUID id, @RequestParam String unitId, @AuthenticationPrincipal Caller caller,
			Model model) {
		return act(id, caller, model, () -> desk.referAgain(id, uuid(unitId), caller));
	}

	@PostMapping("/tasks/{id}/result-noted")
	String noteResult(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			return "redirect:/cases/" + desk.noteResult(id, caller).caseNumber() + "#tasks";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(id, caller, model);
		}
	}

	@PostMapping("/tasks/{id}/withdrawal")
	String withdraw(@PathVariable UUID id, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal Caller caller, Model model) {
		return act(id, caller, model, () -> desk.withdraw(id, reason, caller));
	}

	private String act(UUID id, Caller caller, Model model, Supplier<TaskView> action) {
		try {
			action.get();
			return "redirect:/tasks/" + id;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(id, caller, model);
		}
	}

	private String page(UUID id, Caller caller, Model model) {
		TaskView task = desk.find(id, caller);
		model.addAttribute("task", task);
		boolean mine = desk.receives(task, caller);
		model.addAttribute("mine", mine);
		// A social work agency serves the case on its services pages once it has accepted the referral.
		model.addAttribute("serves", mine && task.kind() == TaskKind.SERVICE && caller.hasRole("SOCIAL_WORKER")
				&& (task.status() == TaskStatus.ACCEPTED || task.status() == TaskStatus.COMPLETED));
		boolean handles = desk.mayDirect(task, caller);
		model.addAttribute("handles", handles);
		model.addAttribute("directs", task.status().open() && handles);
		model.addAttribute("targets",
				task.status() == TaskStatus.RETURNED && caller.regionScope() != null
						? desk.targets(task.caseNumber(), caller) : java.util.List.of());
		return "casework/task";
	}

	private static UUID uuid(String text) {
		try {
			return UUID.fromString(text.strip());
		}
		catch (IllegalArgumentException malformed) {
			throw new InvalidInput("casework.unit-not-a-target");
		}
	}

}
