package org.jijinan.people;

import java.util.List;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.PersonalDataRead;
import org.jijinan.shared.Sex;
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
 * The registry's pages: search (a POST form, so numbers never reach the URL), register, and the person page with
 * household, standings and the audited reveal.
 */
@Controller
@RequestMapping("/people")
class PeoplePages {

	private static final int PAGE_SIZE = 20;

	private final PersonRegistry registry;

	private final PersonFinder finder;

	private final HouseholdRegister households;

	private final CategoryStandings standings;

	private final PageProblems problems;

	private final PersonExport export;

	private final org.jijinan.region.Places places;

	PeoplePages(PersonRegistry registry, PersonFinder finder, HouseholdRegister households,
			CategoryStandings standings, PageProblems problems, PersonExport export, org.jijinan.region.Places places) {
		this.places = places;
		this.export = export;
		this.registry = registry;
		this.finder = finder;
		this.households = households;
		this.standings = standings;
		this.problems = problems;
	}

	@GetMapping
	String searchForm(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("categories", standings.categories());
		model.addAttribute("places", places.villagesWithin(caller.regionScope()));
		return "people/search";
	}

	@PostMapping("/searches")
	String search(@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String village,
			@RequestParam(required = false) @Nullable String category, @RequestParam(defaultValue = "0") int page,
			@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("categories", standings.categories());
		model.addAttribute("places", places.villagesWithin(caller.regionScope()));
		model.addAttribute("name", name);
		model.addAttribute("village", village);
		model.addAttribute("category", category);
		try {
			var search = new PersonSearch(idNumber, name, phone, blank(village) ? null : DivisionCode.of(village),
					blank(category) ? null : category, Math.max(page, 0), PAGE_SIZE);
			model.addAttribute("result", finder.search(search, caller));
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return "people/search";
	}

	@PostMapping("/exports")
	void export(@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String phone,
			@RequestParam(required = false) @Nullable String village,
			@RequestParam(required = false) @Nullable String category, @RequestParam ExportFormat format,
			@AuthenticationPrincipal Caller caller, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		var search = new PersonSearch(idNumber, name, phone, blank(village) ? null : DivisionCode.of(village),
				blank(category) ? null : category, 0, 1);
		response.setContentType(format.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"persons." + format.extension() + "\"");
		export.export(search, format.name(), caller, response.getOutputStream());
	}

	@GetMapping("/new")
	String registrationForm(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("ethnicities", Ethnicity.values());
		model.addAttribute("places", places.villagesWithin(caller.regionScope()));
		return "people/register";
	}

	/**
	 * The registration form filled with what another form had (a patient the hospital window could not find): sent
	 * by POST so that the ID number never enters an address.
	 */
	@PostMapping("/new")
	String registrationDraft(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String idNumber, @AuthenticationPrincipal Caller caller,
			Model model) {
		model.addAttribute("name", name);
		model.addAttribute("idNumber", idNumber);
		return registrationForm(caller, model);
	}

	@PostMapping
	String register(@RequestParam String name, @RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(required = false) @Nullable String phone, @RequestParam String residence,
			@RequestParam(required = false) @Nullable Ethnicity ethnicity,
			@RequestParam(required = false) @Nullable String address, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			PersonView person = registry.register(new NewPerson(name, blank(idNumber) ? null : idNumber, null,
					(Sex) null, ethnicity, blank(phone) ? null : phone, DivisionCode.of(residence), address), caller);
			return "redirect:/people/" + person.id();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("name", name);
			model.addAttribute("idNumber", idNumber);
			model.addAttribute("phone", phone);
			model.addAttribute("residence", residence);
			model.addAttribute("ethnicity", ethnicity == null ? null : ethnicity.name());
			model.addAttribute("address", address);
			return registrationForm(caller, model);
		}
	}

	@PersonalDataRead(subject = "person")
	@GetMapping("/{id}")
	String person(@PathVariable PersonId id, @AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("person", registry.find(id, caller));
		model.addAttribute("household", households.householdOf(id, caller).orElse(null));
		model.addAttribute("standings", standings.standingsOf(id, caller));
		model.addAttribute("fields", List.of(RevealableField.values()));
		return "people/person";
	}

	@PostMapping("/{id}/reveals")
	String reveal(@PathVariable PersonId id, @RequestParam RevealableField field, @RequestParam String purpose,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			model.addAttribute("revealed", registry.reveal(id, field, purpose, caller));
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		model.addAttribute("field", field);
		return "people/person :: reveal";
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
