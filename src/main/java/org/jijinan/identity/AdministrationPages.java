package org.jijinan.identity;

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
 * Administration pages for units and partner clients, each limited to the administrator's scope. Client secrets
 * appear once, on the page that answers the registration.
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

}
