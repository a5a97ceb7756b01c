package org.jijinan.relief;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseView;
import org.jijinan.intake.HardshipCause;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.shared.Caller;
import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The relief page of a case (救助): what the rules allow and why, the proposal form, the decisions with the actions
 * the viewer may take, emergency aid with its paperwork, and the household's assistance chain; and the list of
 * decisions waiting for review or approval.
 */
@Controller
class ReliefPages {

	private final DecisionDesk decisions;

	private final EmergencyAid emergency;

	private final CaseDesk cases;

	private final ReliefPolicies policies;

	private final IntakeDesk intake;

	private final PageProblems problems;

	private final java.time.Clock clock;

	private final Payments payments;

	private final GoodsStock goods;

	private final Recoveries recoveries;

	private final DecisionLetterController letters;

	ReliefPages(DecisionDesk decisions, EmergencyAid emergency, CaseDesk cases, ReliefPolicies policies,
			IntakeDesk intake, PageProblems problems, java.time.Clock clock, Payments payments, GoodsStock goods,
			Recoveries recoveries, DecisionLetterController letters) {
		this.letters = letters;
		this.recoveries = recoveries;
		this.payments = payments;
		this.goods = goods;
		this.decisions = decisions;
		this.emergency = emergency;
		this.cases = cases;
		this.policies = policies;
		this.intake = intake;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/relief/decisions")
	String pending(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("pending", decisions.pending(caller));
		model.addAttribute("causeNames", causeNames());
		return "relief/decisions";
	}

	@GetMapping("/cases/{number}/relief")
	String show(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		return page(number, new ProposalForm(), null, caller, model);
	}

	@PostMapping("/cases/{number}/relief/proposals")
	String propose(@PathVariable String number, @ModelAttribute("form") ProposalForm form,
			@RequestParam(defaultValue = "propose") String action, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			if (action.equals("compute")) {
				Computation computation = decisions.compute(number, form.getCause() == null ? "" : form.getCause(),
						form.getBand() == null ? "" : form.getBand(), form.persons(), form.isUrban(), caller);
				// The amount the rules allow goes into the cash field; the clerk may still change it.
				form.setCashAmount(computation.amount().toPlainString());
				return page(number, form, computation, caller, model);
			}
			decisions.propose(number, form.toProposal(), caller);
			return "redirect:/cases/" + number + "/relief";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(number, form, null, caller, model);
		}
	}

	@PostMapping("/cases/{number}/relief/decisions/{id}/{step}")
	String act(@PathVariable String number, @PathVariable UUID id, @PathVariable String step,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(number, caller, model, () -> switch (step) {
			case "review" -> decisions.review(id, caller);
			case "approval" -> decisions.approve(id, caller);
			case "refusal" -> decisions.refuse(id, reason, caller);
			case "withdrawal" -> decisions.withdraw(id, caller);
			case "budget-override" -> decisions.overrideBudget(id, reason, caller);
			default -> throw new org.jijinan.shared.NotFound("relief.decision-not-found");
		});
	}

	@PostMapping("/cases/{number}/relief/emergency-aid")
	String grant(@PathVariable String number, @ModelAttribute("emergencyForm") EmergencyForm form,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			emergency.grant(number, form.toRequest(), caller);
			return "redirect:/cases/" + number + "/relief";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("emergencyProblemField", EmergencyForm.fieldOf(problem.code()));
			return page(number, new ProposalForm(), null, caller, model);
		}
	}

	@PostMapping("/cases/{number}/relief/emergency-aid/{id}/paperwork")
	String paperwork(@PathVariable String number, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(number, caller, model, () -> emergency.completePaperwork(id, note, caller));
	}

	@GetMapping("/cases/{number}/relief/decisions/{id}/letter")
	@org.jijinan.shared.PersonalDataRead(subject = "relief-decision")
	org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable String number, @PathVariable UUID id,
			@AuthenticationPrincipal Caller caller) {
		return letters.pdf(id, caller);
	}

	/**
	 * 停发并追回: stops the case's aid on the grounds given, opening what is to be recovered.
	 */
	@PostMapping("/cases/{number}/relief/recoveries")
	String stop(@PathVariable String number, @RequestParam(required = false) @Nullable String grounds,
			@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("recoveryForm", Map.of("grounds", grounds == null ? "" : grounds));
		return attempt(number, caller, model, () -> recoveries.stop(number, grounds, caller));
	}

	/**
	 * An instalment received, a waiver asked for, approved or refused, on one amount to recover.
	 */
	@PostMapping("/cases/{number}/relief/recoveries/{recovery}/{step}")
	String recover(@PathVariable String number, @PathVariable String recovery, @PathVariable String step,
			@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller, Model model) {
		Map<String, String> kept = new java.util.HashMap<>(form);
		kept.remove("_csrf");
		kept.put("recovery", recovery);
		model.addAttribute("recoveryForm", kept);
		return attempt(number, caller, model, () -> switch (step) {
			case "instalments" -> recoveries.instalment(recovery, RecoveryForms.amount(form.get("amount")),
					form.get("receipt"), caller);
			case "waivers" -> recoveries.proposeWaiver(recovery, RecoveryForms.amount(form.get("amount")),
					form.get("reason"), caller);
			case "waiver-approval" -> recoveries.decideWaiver(recovery, true, caller);
			case "waiver-refusal" -> recoveries.decideWaiver(recovery, false, caller);
			default -> throw new org.jijinan.shared.NotFound("relief.recovery-not-found");
		});
	}

	private String attempt(String number, Caller caller, Model model, Supplier<?> action) {
		try {
			action.get();
			return "redirect:/cases/" + number + "/relief";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(number, new ProposalForm(), null, caller, model);
		}
	}

	private String page(String number, ProposalForm form, @Nullable Computation computation, Caller caller,
			Model model) {
		CaseView found = cases.find(number, caller);
		model.addAttribute("found", found);
		model.addAttribute("form", form);
		model.addAttribute("computation", computation);
		List<DecisionView> ofCase = decisions.ofCase(number, caller);
		model.addAttribute("decisions", ofCase);
		Map<UUID, List<PaymentOrderView>> orders = payments.ofCase(number);
		model.addAttribute("orders", ofCase.stream()
			.collect(Collectors.toMap(DecisionView::id, d -> orders.getOrDefault(d.id(), List.of()))));
		model.addAttribute("actions", decisions.actionsOnCase(number, caller));
		Map<UUID, org.jijinan.budget.Standing> shortfalls = new java.util.HashMap<>();
		ofCase.stream()
			.filter(decision -> decision.status().pending())
			.forEach(decision -> decisions.budgetShortfall(decision.id(), caller)
				.ifPresent(standing -> shortfalls.put(decision.id(), standing)));
		model.addAttribute("shortfalls", shortfalls);
		model.addAttribute("overridesBudgets", caller.hasRole("COUNTY_APPROVER") && caller.regionScope() != null
				&& caller.regionScope().value().length() == 6);
		model.addAttribute("grants", emergency.ofCase(number, caller));
		model.addAttribute("chain", decisions.chainOf(number, caller));
		model.addAttribute("causeNames", causeNames());
		try {
			PolicyView policy = policies.inForce(found.township(), DecisionDesk.today(clock.instant()));
			model.addAttribute("policy", policy);
			model.addAttribute("bands", found.causes()
				.stream()
				.flatMap(cause -> policy.rules().hardshipRule(cause).stream())
				.flatMap(rule -> rule.bands().stream())
				.map(PolicyRules.Band::name)
				.distinct()
				.toList());
		}
		catch (DomainProblem none) {
			model.addAttribute("policy", null);
			model.addAttribute("bands", List.of());
		}
		model.addAttribute("handles", caller.roles().stream().anyMatch(Decision.TOWNSHIP_REVIEWERS::contains));
		model.addAttribute("officer", caller.roles().stream().anyMatch(EmergencyAid.OFFICERS::contains));
		model.addAttribute("beforeDecision", EmergencyAid.beforeDecision(found.status()));
		if (!model.containsAttribute("emergencyForm")) {
			model.addAttribute("emergencyForm", new EmergencyForm());
		}
		model.addAttribute("stock", stockFor(found, caller, model));
		model.addAttribute("stops", caller.roles().stream().anyMatch(Recoveries.STOPPERS::contains));
		model.addAttribute("collects", caller.roles().stream().anyMatch(Recoveries.COLLECTORS::contains));
		model.addAttribute("waives", caller.roles().stream().anyMatch(Recoveries.WAIVER_APPROVERS::contains));
		model.addAttribute("me", caller.name());
		if (!model.containsAttribute("recoveryForm")) {
			model.addAttribute("recoveryForm", Map.of());
		}
		return "relief/case";
	}

	/**
	 * @return the township's goods an officer may hand out with emergency aid, when the form is shown
	 */
	private List<GoodsStock.Item> stockFor(CaseView found, Caller caller, Model model) {
		boolean officer = Boolean.TRUE.equals(model.getAttribute("officer"));
		if (!officer || !EmergencyAid.beforeDecision(found.status())) {
			return List.of();
		}
		try {
			return goods.stock(found.township(), caller);
		}
		catch (DomainProblem outOfReach) {
			return List.of();
		}
	}

	private Map<String, String> causeNames() {
		return causeNames(intake);
	}

	/**
	 * @return the active hardship causes by code, named in the page's language
	 */
	static Map<String, String> causeNames(IntakeDesk intake) {
		boolean english = LocaleContextHolder.getLocale().getLanguage().equals("en");
		return intake.causes()
			.stream()
			.collect(Collectors.toMap(HardshipCause::code,
					cause -> english ? cause.englishName() : cause.chineseName(), (first, second) -> first,
					java.util.LinkedHashMap::new));
	}

}
