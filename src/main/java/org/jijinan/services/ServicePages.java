package org.jijinan.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The services pages: an agency's referred cases, and a case's assessment, plan and service records with the forms
 * the agency's social workers fill in on a phone.
 */
@Controller
class ServicePages {

	private final CaseServices services;

	private final Agencies agencies;

	private final Contracts contracts;

	private final PageProblems problems;

	private final org.jijinan.identity.StaffDirectory directory;

	private final org.jijinan.region.RegionDirectory regions;

	ServicePages(CaseServices services, Agencies agencies, Contracts contracts, PageProblems problems,
			org.jijinan.identity.StaffDirectory directory, org.jijinan.region.RegionDirectory regions) {
		this.directory = directory;
		this.regions = regions;
		this.services = services;
		this.agencies = agencies;
		this.contracts = contracts;
		this.problems = problems;
	}

	@GetMapping("/services/cases")
	String referred(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("cases", agencies.referred(caller));
		return "services/cases";
	}

	@GetMapping("/services/cases/{number}")
	String show(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		return page(number, caller, model);
	}

	@PostMapping("/services/cases/{number}/assessments")
	String assess(@PathVariable String number, @RequestParam(required = false) @Nullable String risk,
			@RequestParam(required = false) @Nullable List<ServiceType> needs,
			@RequestParam(required = false) @Nullable String summary, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(number, caller, model,
				() -> services.assess(number, new CaseServices.Assessment(null, risk, needs, summary), caller));
	}

	@PostMapping("/services/cases/{number}/plans")
	String plan(@PathVariable String number, @RequestParam(required = false) @Nullable UUID contractId,
			@RequestParam(required = false) @Nullable List<String> goalType,
			@RequestParam(required = false) @Nullable List<String> goalText,
			@RequestParam(required = false) @Nullable String followUpOn, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(number, caller, model, () -> {
			List<CaseServices.Goal> goals = new ArrayList<>();
			for (int i = 0; goalType != null && goalText != null && i < Math.min(goalType.size(), goalText.size()); i++) {
				if (!goalText.get(i).isBlank()) {
					goals.add(new CaseServices.Goal(type(goalType.get(i)), goalText.get(i)));
				}
			}
			return services.plan(number, new CaseServices.Plan(contractId, goals, day(followUpOn)), caller);
		});
	}

	@PostMapping("/services/cases/{number}/records")
	String record(@PathVariable String number, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String servedOn,
			@RequestParam(required = false) @Nullable String minutes,
			@RequestParam(required = false) @Nullable String notes,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String cost, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(number, caller, model, () -> services.record(number, new CaseServices.ServiceRecord(type(type),
				day(servedOn), count(minutes), notes, outcome, money(cost)), caller));
	}

	@PostMapping("/services/cases/{number}/closing")
	String close(@PathVariable String number, @RequestParam(required = false) @Nullable String note,
			@AuthenticationPrincipal Caller caller, Model model) {
		return attempt(number, caller, model, () -> services.close(number, note, caller));
	}

	@GetMapping("/services/contracts")
	String contracts(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("contracts", contracts.list(caller));
		model.addAttribute("maySign", caller.regionScope() != null && caller.regionScope().value().length() == 6
				&& (caller.hasRole("COUNTY_APPROVER") || caller.hasRole("COUNTY_REVIEWER")));
		model.addAttribute("agencies", agencyUnits(caller));
		return "services/contracts";
	}

	@PostMapping("/services/contracts")
	String sign(@RequestParam(required = false) @Nullable UUID agencyId,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String validFrom,
			@RequestParam(required = false) @Nullable String validTo,
			@RequestParam(required = false) @Nullable String budget,
			@RequestParam(required = false) @Nullable String targetCases, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			contracts.sign(new Contracts.NewContract(agencyId, title, day(validFrom), day(validTo), money(budget),
					count(targetCases)), caller);
			return "redirect:/services/contracts";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return contracts(caller, model);
		}
	}

	private List<org.jijinan.identity.UnitView> agencyUnits(Caller caller) {
		if (caller.regionScope() == null || caller.regionScope().value().length() != 6) {
			return List.of();
		}
		return directory.referralTargets(regions.path(caller.regionScope()))
			.stream()
			.filter(unit -> unit.kind() == org.jijinan.identity.UnitKind.SOCIAL_WORK_AGENCY)
			.toList();
	}

	private String attempt(String number, Caller caller, Model model, Supplier<?> action) {
		try {
			action.get();
			return "redirect:/services/cases/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(number, caller, model);
		}
	}

	private String page(String number, Caller caller, Model model) {
		boolean agency = Agencies.isAgency(caller);
		try {
			model.addAttribute("services", services.of(number, caller));
		}
		catch (RuleViolation unshared) {
			// Referred, but the township has not yet recorded a basis for sharing: the agency is told, not shown an
			// error page, and offered nothing until then.
			problems.show(model, unshared);
			model.addAttribute("services", new ServicesView(number, List.of(), List.of(), List.of()));
			agency = false;
		}
		model.addAttribute("agency", agency);
		model.addAttribute("contracts", agency ? contracts.list(caller) : List.of());
		model.addAttribute("types", ServiceType.values());
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		return "services/case";
	}

	private static @Nullable ServiceType type(@Nullable String typed) {
		try {
			return typed == null || typed.isBlank() ? null : ServiceType.valueOf(typed);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("services.type-required");
		}
	}

	private static @Nullable LocalDate day(@Nullable String typed) {
		try {
			return typed == null || typed.isBlank() ? null : LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new RuleViolation("services.day-invalid");
		}
	}

	private static int count(@Nullable String typed) {
		return FormNumbers.count(typed, "services.minutes-invalid");
	}

	private static @Nullable BigDecimal money(@Nullable String typed) {
		return FormNumbers.amount(typed, "services.amount-invalid");
	}

}
