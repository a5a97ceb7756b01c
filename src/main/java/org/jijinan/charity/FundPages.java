package org.jijinan.charity;

import java.math.BigDecimal;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.FormNumbers;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public fund's pages: the transparency page anyone may read, and the county's page to record donations and
 * grants.
 */
@Controller
class FundPages {

	private final PublicFund fund;

	private final PageProblems problems;

	FundPages(PublicFund fund, PageProblems problems) {
		this.fund = fund;
		this.problems = problems;
	}

	@GetMapping("/public/fund")
	String transparency(Model model) {
		model.addAttribute("ledger", fund.ledger());
		model.addAttribute("keeper", false);
		return "charity/fund";
	}

	@GetMapping("/charity/fund")
	String keep(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("ledger", fund.ledger());
		model.addAttribute("keeper", caller.regionScope() != null && caller.regionScope().value().length() == 6
				&& (caller.hasRole("COUNTY_REVIEWER") || caller.hasRole("COUNTY_APPROVER")));
		return "charity/fund";
	}

	@PostMapping("/charity/fund/income")
	String receive(@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String donor,
			@RequestParam(required = false) @Nullable String purpose,
			@RequestParam(required = false) @Nullable String reference, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			fund.receive(money(amount), donor, purpose, reference, caller);
			return "redirect:/charity/fund";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return keep(caller, model);
		}
	}

	@PostMapping("/charity/fund/grants")
	String grant(@RequestParam(defaultValue = "") String caseNumber,
			@RequestParam(required = false) @Nullable String amount,
			@RequestParam(required = false) @Nullable String purpose,
			@RequestParam(required = false) @Nullable String reference, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			fund.grant(caseNumber.strip(), money(amount), purpose, reference, caller);
			return "redirect:/charity/fund";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return keep(caller, model);
		}
	}

	private static @Nullable BigDecimal money(@Nullable String typed) {
		return FormNumbers.amount(typed, "charity.amount-invalid");
	}

}
