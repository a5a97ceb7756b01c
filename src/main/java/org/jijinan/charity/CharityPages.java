package org.jijinan.charity;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.jijinan.casework.CaseDesk;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.FormNumbers;
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
 * The charity pages besides the needs board: publishing a case's need, a charity's projects, and the pledges and
 * volunteers it keeps.
 */
@Controller
class CharityPages {

	private final NeedsBoard needs;

	private final Projects projects;

	private final CaseDesk cases;

	private final PageProblems problems;

	private final Pledges pledges;

	private final CharityChoices choices;

	CharityPages(NeedsBoard needs, Projects projects, CaseDesk cases, PageProblems problems, Pledges pledges,
			CharityChoices choices) {
		this.choices = choices;
		this.pledges = pledges;
		this.needs = needs;
		this.projects = projects;
		this.cases = cases;
		this.problems = problems;
	}

	@GetMapping("/cases/{number}/needs/new")
	String publishForm(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		return publishPage(number, caller, model);
	}

	@PostMapping("/cases/{number}/needs")
	String publish(@PathVariable String number, @RequestParam(required = false) @Nullable List<String> kinds,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String summary, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			NeedView published = needs.publish(number, new NeedsBoard.NewNeed(kinds, money(amount), summary), caller);
			return "redirect:/charity/needs/" + published.id();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("summary", summary);
			model.addAttribute("amount", amount);
			model.addAttribute("chosenKinds", kinds == null ? List.of() : kinds);
			return publishPage(number, caller, model);
		}
	}

	@GetMapping("/charity/projects")
	String projects(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("projects", projects.list(caller));
		model.addAttribute("charity", CharityStaff.isCharity(caller));
		choices.offer(model, caller);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", java.util.Map.of("regions", CharityChoices.countyOf(caller)));
		}
		return "charity/projects";
	}

	@PostMapping("/charity/projects")
	String start(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String causes,
			@RequestParam(required = false) @Nullable String regions,
			@RequestParam(required = false) @Nullable String perCaseMax,
			@RequestParam(required = false) @Nullable String budget,
			@RequestParam(required = false) @Nullable String goods,
			@RequestParam(required = false) @Nullable String targetGroups, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			projects.start(new Projects.NewProject(name, description, list(causes),
					list(regions).stream().map(DivisionCode::of).toList(), money(perCaseMax), money(budget), goods,
					list(targetGroups)), caller);
			return "redirect:/charity/projects";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			// The form comes back as it was typed, with the reason.
			java.util.Map<String, String> form = new java.util.HashMap<>();
			form.put("name", name);
			form.put("description", description);
			form.put("causes", causes);
			form.put("regions", regions);
			form.put("perCaseMax", perCaseMax);
			form.put("budget", budget);
			form.put("goods", goods);
			form.put("targetGroups", targetGroups);
			model.addAttribute("form", form);
			return projects(caller, model);
		}
	}

	@GetMapping("/charity/pledges")
	String pledges(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("pledges", pledges.pledges(caller));
		model.addAttribute("volunteers", pledges.volunteers(caller));
		choices.offer(model, caller);
		return "charity/pledges";
	}

	@PostMapping("/charity/pledges")
	String pledge(@RequestParam(required = false) @Nullable String donorName,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String quantity,
			@RequestParam(required = false) @Nullable String unit,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String causes, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			pledges.pledge(new Pledges.NewPledge(donorName, kind, money(quantity), unit, description,
					region == null || region.isBlank() ? null : DivisionCode.of(region), list(causes)), caller);
			return "redirect:/charity/pledges";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return pledges(caller, model);
		}
	}

	@PostMapping("/charity/volunteers")
	String volunteer(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String skills,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String hoursAMonth, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			int hours = FormNumbers.count(hoursAMonth, "charity.volunteer-hours-invalid");
			pledges.volunteer(new Pledges.NewVolunteer(name, phone, list(skills),
					region == null || region.isBlank() ? null : DivisionCode.of(region), hours), caller);
			return "redirect:/charity/pledges";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return pledges(caller, model);
		}
	}

	private String publishPage(String number, Caller caller, Model model) {
		model.addAttribute("found", cases.find(number, caller));
		model.addAttribute("basis", cases.sharingBasis(number).orElse(null));
		model.addAttribute("kinds", NeedsBoard.KINDS.stream().sorted().toList());
		return "charity/publish";
	}

	private static List<String> list(@Nullable String typed) {
		return typed == null || typed.isBlank() ? List.of()
				: Arrays.stream(typed.split("[,，、\\s]+")).filter(part -> !part.isBlank()).toList();
	}

	private static @Nullable BigDecimal money(@Nullable String typed) {
		return FormNumbers.amount(typed, "charity.amount-invalid");
	}

}
