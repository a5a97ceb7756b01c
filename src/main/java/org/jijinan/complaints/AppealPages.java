package org.jijinan.complaints;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The county's appeals page: what was filed against which decision, when it must be decided, and the outcome.
 */
@Controller
@RequestMapping("/appeals")
class AppealPages {

	private final Appeals appeals;

	private final PageProblems problems;

	private final Clock clock;

	AppealPages(Appeals appeals, PageProblems problems, Clock clock) {
		this.appeals = appeals;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Caller caller, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		model.addAttribute("appeals", appeals.inCounty(caller));
		model.addAttribute("today", LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY)));
		model.addAttribute("kinds", Appeals.Kind.values());
		model.addAttribute("outcomes", Appeals.Outcome.values());
		return "complaints/appeals";
	}

	@PostMapping
	String record(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			appeals.record(form.getOrDefault("caseNumber", ""), form.get("kind"), form.get("body"),
					form.get("reference"), date(form.get("filedOn"), "complaints.appeal-filed-on-invalid"), caller);
			return "redirect:/appeals";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("form", kept(form));
			return list(caller, model);
		}
	}

	@PostMapping("/{id}/outcome")
	String decide(@PathVariable UUID id, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			appeals.decide(id, form.get("outcome"), date(form.get("decidedOn"), "complaints.appeal-decided-on-invalid"),
					form.get("summary"), caller);
			return "redirect:/appeals";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			Map<String, String> kept = kept(form);
			kept.put("appeal", id.toString());
			model.addAttribute("form", kept);
			return list(caller, model);
		}
	}

	private static Map<String, String> kept(Map<String, String> form) {
		Map<String, String> kept = new HashMap<>(form);
		kept.remove("_csrf");
		return kept;
	}

	private static @Nullable LocalDate date(@Nullable String text, String problem) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidInput(problem);
		}
	}

}
