package org.jijinan.relief;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.Forbidden;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The relief parameters page for county administrators: every region's sets and periods, a new set (starting from a
 * copy of the one in force), a file of sets, and ending a period.
 */
@Controller
@RequestMapping("/admin/relief-policies")
class PolicyPages {

	private final ReliefPolicies policies;

	private final PageProblems problems;

	PolicyPages(ReliefPolicies policies, PageProblems problems) {
		this.policies = policies;
		this.problems = problems;
	}

	@GetMapping
	String show(@AuthenticationPrincipal Caller caller, Model model) {
		return page(caller, model, null);
	}

	@PostMapping
	String define(@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String validFrom,
			@RequestParam(required = false) @Nullable String validTo,
			@RequestParam(required = false) @Nullable String note, @RequestParam(defaultValue = "") String rules,
			@RequestParam(defaultValue = "false") boolean example, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			policies.define(new ReliefPolicies.NewPolicy(region == null || region.isBlank() ? null : DivisionCode.of(region),
					day(validFrom), day(validTo), example, note, policies.parseRules(rules)), caller);
			return "redirect:/admin/relief-policies";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(caller, model, rules);
		}
	}

	@PostMapping("/imports")
	String importFile(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal Caller caller, Model model)
			throws IOException {
		try {
			if (file.getSize() > 1_000_000) {
				throw new InvalidInput("relief.policy-file-too-large");
			}
			model.addAttribute("imported", policies.importAll(file.getBytes(), caller).size());
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return page(caller, model, null);
	}

	@PostMapping("/{id}/end")
	String end(@PathVariable UUID id, @RequestParam(required = false) @Nullable String lastDay,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			LocalDate last = day(lastDay);
			if (last == null) {
				throw new InvalidInput("relief.policy-period-invalid");
			}
			policies.end(id, last, caller);
			return "redirect:/admin/relief-policies";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(caller, model, null);
		}
	}

	private String page(Caller caller, Model model, @Nullable String rules) {
		if (!caller.hasRole("ADMINISTRATOR")) {
			throw new Forbidden("relief.not-allowed");
		}
		List<PolicyView> sets = policies.list(caller);
		model.addAttribute("policies", sets);
		model.addAttribute("rulesText", rules != null ? rules
				: sets.isEmpty() ? "" : policies.write(sets.get(0).rules()));
		return "relief/policies";
	}

	private static @Nullable LocalDate day(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidInput("relief.policy-period-invalid");
		}
	}

}
