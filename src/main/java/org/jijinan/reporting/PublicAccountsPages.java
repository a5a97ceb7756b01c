package org.jijinan.reporting;

import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public accounts page (资金使用公开): no sign-in, on a phone, in Chinese, Tibetan or English.
 */
@Controller
class PublicAccountsPages {

	private final PublicAccounts accounts;

	private final PageProblems problems;

	PublicAccountsPages(PublicAccounts accounts, PageProblems problems) {
		this.accounts = accounts;
		this.problems = problems;
	}

	@GetMapping("/public/accounts")
	String show(@RequestParam(required = false) @Nullable String month, Model model) {
		java.time.YearMonth shown;
		try {
			shown = accounts.month(month);
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			shown = accounts.month(null);
		}
		model.addAttribute("accounts", accounts.of(shown));
		model.addAttribute("months", accounts.months());
		return "reporting/public-accounts";
	}

}
