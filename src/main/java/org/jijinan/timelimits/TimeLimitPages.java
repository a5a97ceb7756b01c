package org.jijinan.timelimits;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

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
 * The time-limits page (办理时限): the county's defaults and bounds, each township's own, planned changes, and a form
 * for whoever may change them. A refused change keeps what was typed and says why beside the field.
 */
@Controller
@RequestMapping("/time-limits")
class TimeLimitPages {

	private final TimeLimits limits;

	private final PageProblems problems;

	TimeLimitPages(TimeLimits limits, PageProblems problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@GetMapping
	String show(@AuthenticationPrincipal Caller caller, Model model) {
		return page(Map.of(), caller, model);
	}

	@PostMapping
	String set(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			limits.set(new TimeLimits.NewLimit(form.get("township"), limit(form.get("limit")),
					whole(form.get("amount")), unit(form.get("unit")), whole(form.get("lowest")),
					whole(form.get("highest")), day(form.get("appliesFrom"))), caller);
			return "redirect:/time-limits?saved";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(form, caller, model);
		}
	}

	private String page(Map<String, String> form, Caller caller, Model model) {
		Map<String, String> kept = new HashMap<>(form);
		kept.remove("_csrf");
		model.addAttribute("form", kept);
		model.addAttribute("overview", limits.overview(caller));
		model.addAttribute("kinds", TimeLimit.values());
		model.addAttribute("units", LimitUnit.values());
		return "timelimits/limits";
	}

	private static @Nullable TimeLimit limit(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : TimeLimit.valueOf(text);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("timelimits.limit-required");
		}
	}

	private static @Nullable LimitUnit unit(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LimitUnit.valueOf(text);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("timelimits.unit-not-allowed");
		}
	}

	private static @Nullable Integer whole(@Nullable String text) {
		var amount = FormNumbers.amount(text, "timelimits.amount-invalid");
		if (amount == null) {
			return null;
		}
		try {
			return amount.intValueExact();
		}
		catch (ArithmeticException notWhole) {
			throw new InvalidInput("timelimits.amount-invalid");
		}
	}

	private static @Nullable LocalDate day(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidInput("timelimits.date-invalid");
		}
	}

}
