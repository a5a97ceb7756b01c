package org.jijinan.relief;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.region.DivisionLevel;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

/**
 * The relief parameters page for county administrators: every region's sets and periods with region and cause names,
 * a new set entered in a form (the region chosen by name, each parameter its own field, one row per hardship cause,
 * starting from the values in force; a refused form comes back as typed with the reason beside each field), a file
 * of sets, and ending a period.
 */
@Controller
@RequestMapping("/admin/relief-policies")
class PolicyPages {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	/** The field a refusal of the set as a whole is shown beside. */
	private static final Map<String, String> FIELD_OF_PROBLEM = Map.of("relief.policy-overlap", "validFrom",
			"relief.policy-period-invalid", "validTo", "relief.policy-region-required", "region",
			"region.unknown-code", "region", "shared.text-too-long", "note");

	private final ReliefPolicies policies;

	private final PageProblems problems;

	private final RegionDirectory regions;

	private final IntakeDesk intake;

	private final MessageSource messages;

	private final Clock clock;

	PolicyPages(ReliefPolicies policies, PageProblems problems, RegionDirectory regions, IntakeDesk intake,
			MessageSource messages, Clock clock) {
		this.policies = policies;
		this.problems = problems;
		this.regions = regions;
		this.intake = intake;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	String show(@AuthenticationPrincipal Caller caller, Model model) {
		return page(caller, model, null);
	}

	@PostMapping
	String define(@RequestParam Map<String, String> typed, @AuthenticationPrincipal Caller caller, Model model) {
		requireAdministrator(caller);
		PolicyView basis = basis(typed.get("basis"), caller);
		PolicyForm form = PolicyForm.typed(typed, basis, ReliefPages.causeNames(intake));
		DivisionCode region = region(form, caller);
		LocalDate from = form.day("validFrom", true);
		LocalDate to = form.day("validTo", false);
		if (from != null && to != null && to.isBefore(from)) {
			form.problem("validTo", PolicyForm.message("relief.policies.invalid.validTo"));
		}
		PolicyRules rules = form.rules(basis);
		if (!form.problems().isEmpty() || rules == null || region == null) {
			model.addAttribute("problem", messages.getMessage("relief.policies.refused", null,
					LocaleContextHolder.getLocale()));
			response(HttpServletResponse.SC_BAD_REQUEST);
			return page(caller, model, form);
		}
		try {
			policies.define(new ReliefPolicies.NewPolicy(region, from, to, false, form.values().get("note"), rules),
					caller);
			return "redirect:/admin/relief-policies";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			form.problem(FIELD_OF_PROBLEM.getOrDefault(problem.code(), "rules"), new DefaultMessageSourceResolvable(
					new String[] { "problem." + problem.code() }, problem.arguments(), problem.code()));
			return page(caller, model, form);
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

	private String page(Caller caller, Model model, @Nullable PolicyForm typed) {
		requireAdministrator(caller);
		List<PolicyView> sets = policies.list(caller);
		Map<String, String> causeNames = ReliefPages.causeNames(intake);
		PolicyForm form = typed != null ? typed : PolicyForm.startingFrom(inForce(caller, sets), causeNames);
		List<DivisionView> choices = regionChoices(caller);
		Map<String, String> regionNames = new HashMap<>();
		choices.forEach(division -> regionNames.put(division.code().value(), division.name()));
		sets.forEach(set -> regionNames.computeIfAbsent(set.region().value(),
				code -> regions.find(set.region()).map(DivisionView::name).orElse(code)));
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> fieldProblems = new LinkedHashMap<>();
		form.problems().forEach((field, message) -> fieldProblems.put(field, messages.getMessage(message, locale)));
		model.addAttribute("policies", sets);
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("causeNames", causeNames);
		model.addAttribute("regionChoices", choices);
		model.addAttribute("form", form.values());
		model.addAttribute("rows", form.rows());
		model.addAttribute("scalars", PolicyForm.SCALARS);
		model.addAttribute("fieldProblems", fieldProblems);
		return "relief/policies";
	}

	/**
	 * @return the set in force today for the caller's region, to start a new one from
	 */
	private @Nullable PolicyView inForce(Caller caller, List<PolicyView> sets) {
		LocalDate today = LocalDate.now(clock.withZone(COUNTY));
		try {
			return caller.regionScope() == null ? null : policies.inForce(caller.regionScope(), today);
		}
		catch (RuleViolation none) {
			return sets.isEmpty() ? null : sets.get(0);
		}
	}

	/**
	 * @return the set the form started from, among those the caller may see; else the set in force
	 */
	private @Nullable PolicyView basis(@Nullable String id, Caller caller) {
		List<PolicyView> sets = policies.list(caller);
		return sets.stream()
			.filter(set -> set.id().toString().equals(id == null ? "" : id.strip()))
			.findFirst()
			.orElseGet(() -> inForce(caller, sets));
	}

	/**
	 * @return the region chosen, or {@code null} with a problem beside the field
	 */
	private @Nullable DivisionCode region(PolicyForm form, Caller caller) {
		String code = form.values().getOrDefault("region", "").strip();
		boolean offered = regionChoices(caller).stream().anyMatch(division -> division.code().value().equals(code));
		if (!offered) {
			form.problem("region", PolicyForm.message("relief.policies.invalid.region"));
			return null;
		}
		return DivisionCode.of(code);
	}

	/**
	 * @return the regions the caller may set parameters for: their own and, for a county, its townships
	 */
	private List<DivisionView> regionChoices(Caller caller) {
		if (caller.regionScope() == null) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock.withZone(COUNTY));
		List<DivisionView> choices = new ArrayList<>();
		regions.find(caller.regionScope()).ifPresent(choices::add);
		if (!choices.isEmpty() && choices.get(0).level() == DivisionLevel.COUNTY) {
			regions.children(caller.regionScope())
				.stream()
				.filter(division -> division.level() == DivisionLevel.TOWNSHIP && division.isValidOn(today))
				.forEach(choices::add);
		}
		return choices;
	}

	private static void requireAdministrator(Caller caller) {
		if (!caller.hasRole("ADMINISTRATOR")) {
			throw new Forbidden("relief.not-allowed");
		}
	}

	private static void response(int status) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getResponse() != null) {
			attributes.getResponse().setStatus(status);
		}
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
