package org.jijinan.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PageProblems;

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
 * Administration pages for units, accounts and partner clients, each limited to the administrator's scope.
 * One-time passwords and client secrets appear once, on the page that answers the action.
 */
@Controller
@RequestMapping("/admin")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class AdministrationPages {

	private final StaffDirectory directory;

	private final StaffAdministration administration;

	private final PartnerClients clients;

	private final PartnerCalls calls;

	private final PageProblems problems;

	private final org.jijinan.region.Places places;

	AdministrationPages(StaffDirectory directory, StaffAdministration administration, PartnerClients clients,
			PartnerCalls calls, PageProblems problems, org.jijinan.region.Places places) {
		this.places = places;
		this.calls = calls;
		this.directory = directory;
		this.administration = administration;
		this.clients = clients;
		this.problems = problems;
	}

	@GetMapping("/units")
	String units(@AuthenticationPrincipal Staff admin, Model model) {
		model.addAttribute("units", directory.units(admin));
		model.addAttribute("kinds", UnitKind.values());
		model.addAttribute("scope", admin.regionScope());
		model.addAttribute("places", places.villagesWithin(admin.regionScope()));
		return "identity/units";
	}

	@PostMapping("/units")
	String establish(@AuthenticationPrincipal Staff admin, @RequestParam String name, @RequestParam UnitKind kind,
			@RequestParam String divisionCode, Model model) {
		try {
			UnitView unit = administration.establishUnit(new NewUnit(name, kind, DivisionCode.of(divisionCode)), admin);
			model.addAttribute("done", unit.name());
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return units(admin, model);
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
			.flatMap(unit -> unit.accounts().stream().map(account -> java.util.Map.entry(unit.unit(), account)))
			.filter(entry -> entry.getValue().locked() || entry.getValue().mustChangePassword())
			.toList());
		return "identity/accounts";
	}

	@GetMapping("/units/{id}")
	String unit(@PathVariable UnitId id, @AuthenticationPrincipal Staff admin, Model model) {
		UnitView unit = directory.unit(id, admin);
		model.addAttribute("unit", unit);
		model.addAttribute("accounts", directory.accountsOf(id, admin));
		model.addAttribute("roles", admissibleRoles(unit.kind()));
		return "identity/unit";
	}

	@PostMapping("/units/{id}/accounts")
	String open(@PathVariable UnitId id, @AuthenticationPrincipal Staff admin, @RequestParam String username,
			@RequestParam String displayName, @RequestParam(required = false) Set<Role> roles, Model model) {
		try {
			OpenedAccount opened = administration.openAccount(
					new NewAccount(username, displayName, id, roles == null ? Set.of() : roles), admin);
			model.addAttribute("oneTimeFor", opened.account().username());
			model.addAttribute("oneTimePassword", opened.oneTimePassword());
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return unit(id, admin, model);
	}

	@PostMapping("/accounts/{id}/password-reset")
	String resetPassword(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		AccountView account = directory.account(id, admin);
		model.addAttribute("oneTimePassword", administration.resetPassword(id, admin));
		model.addAttribute("oneTimeFor", account.username());
		return unit(account.unitId(), admin, model);
	}

	@PostMapping("/accounts/{id}/unlocking")
	String unlock(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		AccountView account = administration.unlock(id, admin);
		model.addAttribute("done", account.username());
		return unit(account.unitId(), admin, model);
	}

	@PostMapping("/accounts/{id}/second-factor-reset")
	String resetSecondFactor(@PathVariable AccountId id, @AuthenticationPrincipal Staff admin, Model model) {
		AccountView account = administration.resetSecondFactor(id, admin);
		model.addAttribute("done", account.username());
		return unit(account.unitId(), admin, model);
	}

	@GetMapping("/clients")
	String clients(@AuthenticationPrincipal Staff admin, Model model) {
		model.addAttribute("clients", clients.visibleTo(admin));
		model.addAttribute("units", directory.units(admin));
		return "identity/clients";
	}

	@PostMapping("/clients")
	String register(@AuthenticationPrincipal Staff admin, @RequestParam String name, @RequestParam UnitId unitId,
			@RequestParam String scopes, Model model) {
		try {
			var registered = clients.register(name, unitId, scopes, admin);
			model.addAttribute("registered", registered);
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return clients(admin, model);
	}

	@GetMapping("/clients/{clientId}/calls")
	String calls(@PathVariable String clientId, @AuthenticationPrincipal Staff admin, Model model) {
		model.addAttribute("client", clients.visibleTo(clientId, admin));
		model.addAttribute("calls", calls.latest(clientId, 200));
		return "identity/client-calls";
	}

	private static List<Role> admissibleRoles(UnitKind kind) {
		return EnumSet.allOf(Role.class).stream().filter(kind::admits).toList();
	}

}
