package org.jijinan.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PageProblems;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's own profile: their own mobile number for text messages meant for them, and the personal API tokens
 * they created (shown once at creation, revocable at any time).
 */
@Controller
class ProfilePage {

	private final AccessTokens tokens;

	private final PageProblems problems;

	private final Clock clock;

	private final StaffPhones phones;

	ProfilePage(AccessTokens tokens, PageProblems problems, Clock clock, StaffPhones phones) {
		this.phones = phones;
		this.tokens = tokens;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping("/account")
	String profile(@AuthenticationPrincipal Staff staff, Model model) {
		model.addAttribute("staff", staff);
		model.addAttribute("tokens", tokens.personalTokens(staff.accountId()));
		model.addAttribute("now", clock.instant());
		model.addAttribute("phone", phones.maskedOf(staff.accountId()).orElse(null));
		return "identity/profile";
	}

	@PostMapping("/account/phone")
	String phone(@AuthenticationPrincipal Staff staff, @RequestParam(defaultValue = "") String phone, Model model) {
		try {
			phones.give(staff.accountId(), phone);
			model.addAttribute("phoneSaved", true);
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("typedPhone", phone);
		}
		return profile(staff, model);
	}

	@PostMapping("/account/tokens")
	String issue(@AuthenticationPrincipal Staff staff, @RequestParam String name,
			@RequestParam(required = false) Set<Role> roles, @RequestParam(defaultValue = "30") int days,
			Model model) {
		try {
			if (name.isBlank() || name.length() > 60) {
				throw new org.jijinan.shared.InvalidInput("identity.token-name-invalid");
			}
			model.addAttribute("issued",
					tokens.issuePersonal(staff, name.strip(), roles == null ? Set.of() : roles, Duration.ofDays(days)));
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return profile(staff, model);
	}

	@PostMapping("/account/tokens/{id}/revocation")
	String revoke(@AuthenticationPrincipal Staff staff, @PathVariable UUID id, Model model) {
		tokens.revokePersonal(id, staff);
		return profile(staff, model);
	}

}
