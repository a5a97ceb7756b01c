package org.jijinan.identity;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages where administrators look after people's accounts, inside their scope: every account across units, a
 * unit's staff with the form that opens a new colleague's account, and one person's account with what may be done to
 * it now (unlock, a new one-time password, a new authenticator). People are shown by name and unit; the login name
 * appears only where the administrator hands it over, beside a one-time password, which is shown once.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AccountPages {

	/** The plain message shown beside a field the form's shape check refused. */
	private static final Map<String, String> FIELD_PROBLEMS = Map.of("username", "identity.username-invalid",
			"displayName", "identity.display-name-invalid", "roles", "identity.roles-required");

	private final StaffDirectory directory;

	private final StaffAdministration administration;

	private final PageProblems problems;

	AccountPages(StaffDirectory directory, StaffAdministration administration, PageProblems problems) {
		this.directory = directory;
		this.administration = administration;
		this.problems = problems;
	}

	/**
	 * Every account the administrator looks after, across units: locked ones and those not yet in use first, as the
	 * home page's to-do counts them.
	 */
	@GetMapping("/accounts")
	String accounts(@AuthenticationPrincipal Staff admin, Model model) {
		var units = directory.accountsWithin(admin);
		model.addAttribute("units", units);
		model.addAttribute("attention", units.stream()
			.flatMap(unit -> unit.accounts().stream().map(account -> Map.entry(unit.unit(), account)))
			.filter(entry -> entry.getValue().locked() || entry.getValue().mustChangePassword())
			.toList());
		return "identity/accounts";
	}

	@GetMapping("/accounts/{id}")
	String account(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		AccountView account = directory.account(id, admin);
		model.addAttribute("account", account);
		model.addAttribute("self", id.equals(admin.accountId()));
		model.addAttribute("unit", directory.unit(account.unitId(), admin));
		return "identity/account";
	}

	@GetMapping("/units/{id}")
	String unit(@PathVariable UnitId id, @AuthenticationPrincipal Staff admin, Model model) {
		UnitView unit = directory.unit(id, admin);
		model.addAttribute("unit", unit);
		model.addAttribute("accounts", directory.accountsOf(id, admin));
		model.addAttribute("roles", EnumSet.allOf(Role.class).stream().filter(unit.kind()::admits).toList());
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", new NewAccount("", "", id, Set.of()));
		}
		return "identity/unit";
	}

	/**
	 * Sets the office phone applicants are told to call; a malformed number comes back as typed, the reason beside it.
	 */
	@PostMapping("/units/{id}/office-phone")
	String officePhone(@PathVariable UnitId id, @AuthenticationPrincipal Staff admin,
			@RequestParam(required = false) @Nullable String officePhone, Model model) {
		try {
			administration.changeOfficePhone(id, officePhone, admin);
			model.addAttribute("officePhoneSaved", true);
		}
		catch (DomainProblem problem) {
			problems.show(model, plain(problem));
			model.addAttribute("typedOfficePhone", officePhone);
		}
		return unit(id, admin, model);
	}

	/**
	 * Opens a colleague's account and shows it with its one-time password; a refused form comes back as typed, with
	 * the reason beside the field.
	 */
	@PostMapping("/units/{id}/accounts")
	String open(@PathVariable UnitId id, @AuthenticationPrincipal Staff admin, @RequestParam String username,
			@RequestParam String displayName, @RequestParam(required = false) Set<Role> roles, Model model) {
		var typed = new NewAccount(username, displayName, id, roles == null ? Set.of() : roles);
		try {
			OpenedAccount opened = administration.openAccount(typed, admin);
			model.addAttribute("oneTimePassword", opened.oneTimePassword());
			return account(opened.account().id(), admin, model);
		}
		catch (DomainProblem problem) {
			problems.show(model, plain(problem));
			model.addAttribute("typed", typed);
			return unit(id, admin, model);
		}
	}

	@PostMapping("/accounts/{id}/password-reset")
	String resetPassword(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		model.addAttribute("oneTimePassword", administration.resetPassword(id, admin));
		return account(id, admin, model);
	}

	@PostMapping("/accounts/{id}/unlocking")
	String unlock(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		administration.unlock(id, admin);
		model.addAttribute("done", "accounts.unlocked");
		return account(id, admin, model);
	}

	@PostMapping("/accounts/{id}/disabling")
	String disable(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		return acted(id, admin, model, "accounts.disabled-done", () -> administration.disable(id, admin));
	}

	@PostMapping("/accounts/{id}/enabling")
	String enable(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		return acted(id, admin, model, "accounts.enabled-done", () -> administration.enable(id, admin));
	}

	/**
	 * @return the account page, saying what was done or, beside its state, why it was refused
	 */
	private String acted(AccountId id, Staff admin, Model model, String done, Runnable action) {
		try {
			action.run();
			model.addAttribute("done", done);
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return account(id, admin, model);
	}

	@PostMapping("/accounts/{id}/second-factor-reset")
	String resetSecondFactor(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		administration.resetSecondFactor(id, admin);
		model.addAttribute("done", "accounts.second-factor-reset");
		return account(id, admin, model);
	}

	/**
	 * @return the problem in words a person can act on: a field the shape check refused is explained as its rule
	 */
	private static DomainProblem plain(DomainProblem problem) {
		if (problem instanceof InvalidInput invalid && invalid.field() != null
				&& FIELD_PROBLEMS.containsKey(invalid.field())) {
			return new InvalidInput(FIELD_PROBLEMS.get(invalid.field()));
		}
		return problem;
	}

}
