package org.jijinan.budget;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The budget page (预算执行): each budget's committed, spent and left as a bar, money per month as a chart, and the
 * form to set a budget for those who may.
 */
@Controller
@RequestMapping("/budgets")
class BudgetPages {

	private final Budgets budgets;

	private final PageProblems problems;

	BudgetPages(Budgets budgets, PageProblems problems) {
		this.budgets = budgets;
		this.problems = problems;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable Integer year, @AuthenticationPrincipal Caller caller,
			Model model) {
		return page(year, Map.of(), caller, model);
	}

	@PostMapping
	String set(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			Standing set = budgets.set(new Budgets.NewBudget(scheme(form.get("scheme")), form.get("township"),
					day(form.get("periodFrom")), day(form.get("periodTo")),
					FormNumbers.amount(form.get("amount"), "budget.amount-invalid"), form.get("note")), caller);
			return "redirect:/budgets?year=" + set.periodFrom().getYear();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(null, form, caller, model);
		}
	}

	private String page(@Nullable Integer year, Map<String, String> form, Caller caller, Model model) {
		int shown = year == null ? LocalDate.now(WorkingDayCalendar.COUNTY).getYear() : Math.max(2000, Math.min(2100, year));
		Map<String, String> kept = new HashMap<>(form);
		kept.remove("_csrf");
		model.addAttribute("form", kept);
		model.addAttribute("overview", budgets.overview(shown, caller));
		model.addAttribute("schemes", Scheme.values());
		return "budget/budgets";
	}

	private static @Nullable Scheme scheme(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : Scheme.valueOf(text);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("budget.scheme-required");
		}
	}

	private static @Nullable LocalDate day(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidInput("budget.period-invalid");
		}
	}

}
