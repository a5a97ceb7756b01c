package org.jijinan.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * Pages of early warning: the warnings a worker checks (made for a phone in the village), the check form, and the
 * county's rules with a dry run on past signals.
 */
@Controller
@RequestMapping("/monitoring")
class MonitoringPages {

	private final Warnings warnings;

	private final RuleBook rules;

	private final DryRun dryRun;

	private final WarningFigures figures;

	private final PageProblems problems;

	private final java.time.Clock clock;

	private final Signals signals;

	private final org.jijinan.shared.Problems details;

	private final SignalDetails signalDetails;

	private final SignalSources sources;

	MonitoringPages(Warnings warnings, RuleBook rules, DryRun dryRun, WarningFigures figures, PageProblems problems,
			java.time.Clock clock, Signals signals, org.jijinan.shared.Problems details, SignalDetails signalDetails,
			SignalSources sources) {
		this.sources = sources;
		this.signalDetails = signalDetails;
		this.clock = clock;
		this.signals = signals;
		this.details = details;
		this.warnings = warnings;
		this.rules = rules;
		this.dryRun = dryRun;
		this.figures = figures;
		this.problems = problems;
	}

	@GetMapping("/warnings")
	String list(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("awaiting", warnings.awaitingCheck(caller));
		model.addAttribute("checked", warnings.recentlyChecked(caller));
		model.addAttribute("now", clock.instant());
		return "monitoring/warnings";
	}

	@GetMapping("/warnings/{number}")
	String warning(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("warning", warnings.view(number, caller));
		model.addAttribute("signals", signalDetails.behind(number, caller));
		if (!model.containsAttribute("checkedOn")) {
			model.addAttribute("checkedOn", rules.today().toString());
		}
		return "monitoring/warning";
	}

	/**
	 * Shows one signal's figures and words on the warning's page; the view is audited.
	 */
	@PostMapping("/warnings/{number}/signals")
	String revealSignal(@PathVariable String number, @RequestParam(defaultValue = "0") int position,
			@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("revealed", signalDetails.reveal(number, position, caller));
		return warning(number, caller, model);
	}

	/**
	 * Records a check; a refused one comes back with what was typed and the reason beside the field.
	 */
	@PostMapping("/warnings/{number}/checks")
	String check(@PathVariable String number, @RequestParam(required = false) @Nullable String method,
			@RequestParam(required = false) @Nullable String checkedOn,
			@RequestParam(required = false) @Nullable String findings,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal Caller caller,
			Model model) {
		model.addAttribute("method", method);
		model.addAttribute("checkedOn", checkedOn);
		model.addAttribute("findings", findings);
		model.addAttribute("outcome", outcome);
		model.addAttribute("reason", reason);
		try {
			warnings.check(number, new CheckReport(choice(CheckMethod.class, method, "monitoring.check-method-required"),
					day(checkedOn, "monitoring.checked-on-invalid"), findings, choice(CheckOutcome.class, outcome, "monitoring.outcome-required"), reason),
					caller);
			return "redirect:/monitoring/warnings/" + number + "?checked";
		}
		catch (DomainProblem refused) {
			problems.show(model, refused);
			return warning(number, caller, model);
		}
	}

	@GetMapping("/signals")
	String signals(@AuthenticationPrincipal Caller caller, Model model) {
		java.util.Set<SignalKind> kinds = signals.agreedKinds(caller);
		model.addAttribute("kinds", kinds);
		java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		model.addAttribute("rejections", kinds.isEmpty() ? List.of()
				: signals.rejections(caller)
					.stream()
					.map(rejected -> new RejectionLine(rejected.reference() == null ? "—" : rejected.reference(),
							details.detail(rejected.code(), locale, rejected.arguments().toArray())))
					.toList());
		return "monitoring/signals";
	}

	/**
	 * The signal agreements of the county's departments and hospitals, for its administrators.
	 */
	@GetMapping("/sources")
	String sources(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("sources", sources.candidates(caller));
		model.addAttribute("allKinds", SignalKind.departmental());
		return "monitoring/sources";
	}

	/**
	 * Records one department's agreement; a refused one comes back with the ticks and the number typed, the reason
	 * beside the field.
	 */
	@PostMapping("/sources/{unitId}")
	String agree(@PathVariable java.util.UUID unitId, @RequestParam(required = false) @Nullable List<String> kinds,
			@RequestParam(required = false) @Nullable String agreement, @AuthenticationPrincipal Caller caller,
			Model model) {
		List<String> ticked = kinds == null ? List.of() : kinds;
		try {
			java.util.Set<SignalKind> chosen = new java.util.TreeSet<>();
			for (String kind : ticked) {
				chosen.add(Signals.kind(kind));
			}
			sources.agree(unitId, chosen, agreement, caller);
			return "redirect:/monitoring/sources?saved=" + unitId + "#source-" + unitId;
		}
		catch (DomainProblem refused) {
			problems.show(model, refused);
			model.addAttribute("editing", unitId);
			model.addAttribute("typedKinds", ticked);
			model.addAttribute("typedAgreement", agreement);
			return sources(caller, model);
		}
	}

	/**
	 * Takes a department's file whole, or lists every bad row and stores nothing.
	 */
	@PostMapping("/signals/files")
	String upload(@RequestParam(name = "file", required = false) org.springframework.web.multipart.@Nullable MultipartFile file,
			@AuthenticationPrincipal Caller caller, Model model) throws java.io.IOException {
		try {
			if (file == null) {
				throw new InvalidInput("monitoring.file-empty");
			}
			model.addAttribute("received", signals.receiveFile(SignalFile.checkedName(file), file.getBytes(), caller));
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			if (problem instanceof org.jijinan.shared.ImportRejected rejected) {
				model.addAttribute("rows", rejected.rows()
					.stream()
					.map(row -> details.describe(row, org.springframework.context.i18n.LocaleContextHolder.getLocale()))
					.toList());
			}
		}
		return signals(caller, model);
	}

	/** A refused signal as the department reads it: its reference and why. */
	record RejectionLine(String reference, String reason) {
	}

	@GetMapping("/signals/template.csv")
	org.springframework.http.ResponseEntity<byte[]> template() {
		return org.jijinan.shared.Downloads.attachment("监测信号模板.csv",
				new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				SignalFile.template().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@GetMapping("/rules")
	String rules(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("rules", rules.current(caller));
		model.addAttribute("figures", figures.lastYear(RuleBook.countyOf(caller)));
		return "monitoring/rules";
	}

	/**
	 * Tries (试运行) or saves a rule's parameters; both come back to the rules page with what was typed.
	 */
	@PostMapping("/rules/{code}")
	String rule(@PathVariable String code, @RequestParam(required = false) @Nullable String severity,
			@RequestParam(required = false) @Nullable String threshold,
			@RequestParam(required = false) @Nullable String multiple,
			@RequestParam(required = false) @Nullable String months,
			@RequestParam(required = false) @Nullable List<String> categories,
			@RequestParam(required = false) @Nullable String active,
			@RequestParam(required = false) @Nullable String validFrom,
			@RequestParam(defaultValue = "try") String action, @AuthenticationPrincipal Caller caller, Model model) {
		RuleCode rule = RuleCode.parse(code);
		if (rule == null) {
			throw new org.jijinan.shared.NotFound("monitoring.rule-unknown", code);
		}
		model.addAttribute("editing", rule.name());
		model.addAttribute("form", new RuleForm(severity, threshold, multiple, months,
				categories == null ? Set.of() : new LinkedHashSet<>(categories), active != null, validFrom));
		try {
			RuleBook.RuleChange change = new RuleBook.RuleChange(active != null,
					choice(Severity.class, severity, "monitoring.severity-required"),
					amount(threshold, "monitoring.rule-threshold-invalid"),
					amount(multiple, "monitoring.rule-multiple-invalid"), months(months),
					categories == null ? Set.of() : Set.copyOf(categories), day(validFrom, "monitoring.rule-valid-from-past"));
			if ("save".equals(action)) {
				rules.set(rule, change, caller);
				model.asMap().remove("form");
				model.addAttribute("saved", rule.name());
			}
			else {
				model.addAttribute("dryRun", dryRun.run(rule, change, caller));
			}
		}
		catch (DomainProblem refused) {
			problems.show(model, refused);
		}
		return rules(caller, model);
	}

	private static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String given, String problem) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, given.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput(problem);
		}
	}

	private static @Nullable LocalDate day(@Nullable String given, String problem) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(given.strip());
		}
		catch (java.time.format.DateTimeParseException malformed) {
			throw new InvalidInput(problem);
		}
	}

	private static @Nullable BigDecimal amount(@Nullable String given, String problem) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(given.strip().replace(",", ""));
		}
		catch (NumberFormatException malformed) {
			throw new InvalidInput(problem);
		}
	}

	private static @Nullable Integer months(@Nullable String given) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(given.strip());
		}
		catch (NumberFormatException malformed) {
			throw new InvalidInput("monitoring.rule-months-invalid");
		}
	}

	/**
	 * A rule's parameters as typed, shown again after a dry run or a refusal.
	 */
	record RuleForm(@Nullable String severity, @Nullable String threshold, @Nullable String multiple,
			@Nullable String months, Set<String> categories, boolean active, @Nullable String validFrom) {
	}

}
