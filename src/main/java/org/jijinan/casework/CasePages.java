package org.jijinan.casework;

import org.jijinan.intake.HardshipCause;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.people.PersonFinder;
import org.jijinan.people.PersonSearch;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.PersonalDataRead;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case pages: the list of cases in the caller's area, and a case with its requests, its timeline and the moves
 * it can make from where it stands.
 */
@Controller
@RequestMapping("/cases")
class CasePages {

	private final CaseDesk desk;

	private final PageProblems problems;

	private final IntakeDesk intake;

	private final TaskDesk tasks;

	private final Investigation investigation;

	private final java.time.Clock clock;

	private final PersonFinder finder;

	private final org.jijinan.region.RegionDirectory regions;

	private final java.util.List<NextSteps> nextSteps;

	private final org.jijinan.region.Places places;

	CasePages(CaseDesk desk, PageProblems problems, IntakeDesk intake, TaskDesk tasks, Investigation investigation,
			java.time.Clock clock, PersonFinder finder, org.jijinan.region.RegionDirectory regions,
			java.util.List<NextSteps> nextSteps, org.jijinan.region.Places places) {
		this.places = places;
		this.nextSteps = nextSteps;
		this.regions = regions;
		this.finder = finder;
		this.investigation = investigation;
		this.clock = clock;
		this.desk = desk;
		this.problems = problems;
		this.intake = intake;
		this.tasks = tasks;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable CaseStatus status, @AuthenticationPrincipal Caller caller,
			Model model) {
		model.addAttribute("cases", desk.list(status, caller));
		model.addAttribute("status", status);
		model.addAttribute("statuses", CaseStatus.values());
		return "casework/cases";
	}

	@PersonalDataRead(subject = "case", variable = "number")
	@GetMapping("/{number}")
	String show(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		return page(number, caller, model);
	}

	@PostMapping("/{number}/transitions")
	String move(@PathVariable String number, @RequestParam CaseStatus to, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String jurisdiction, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			desk.move(number, to, note, jurisdiction == null || jurisdiction.isBlank() ? null : DivisionCode.of(jurisdiction),
					caller);
			return "redirect:/cases/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(number, caller, model);
		}
	}

	@PostMapping("/{number}/handover")
	String handOver(@PathVariable String number, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String reason, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			desk.handOver(number, to, reason, caller);
			return "redirect:/cases/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("handoverTo", to);
			model.addAttribute("handoverReason", reason);
			model.addAttribute("handoverOpen", true);
			return page(number, caller, model);
		}
	}

	/**
	 * Links the case to the person with the ID number typed, found in the registry within the viewer's area.
	 */
	@PostMapping("/{number}/person")
	String linkPerson(@PathVariable String number, @RequestParam(required = false) @Nullable String idNumber,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			String typed = idNumber == null ? "" : idNumber.strip();
			if (typed.isEmpty()) {
				throw new InvalidInput("casework.person-required");
			}
			var found = finder.search(new PersonSearch(typed, null, null, null, null, 0, 1), caller);
			if (found.rows().isEmpty()) {
				throw new RuleViolation("casework.person-not-found");
			}
			desk.linkPerson(number, found.rows().get(0).id(), caller);
			return "redirect:/cases/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("linkIdNumber", idNumber);
			return page(number, caller, model);
		}
	}

	@PostMapping("/{number}/sharing-basis")
	String recordSharingBasis(@PathVariable String number,
			@RequestParam(required = false) SharingBasis.@Nullable Kind basis,
			@RequestParam(required = false) @Nullable String reference, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			desk.recordSharingBasis(number, basis, reference, caller);
			return "redirect:/cases/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(number, caller, model);
		}
	}

	String page(String number, Caller caller, Model model) {
		CaseView found = desk.find(number, caller);
		model.addAttribute("found", found);
		model.addAttribute("handlerName", desk.handlerName(found));
		model.addAttribute("nextSteps", nextSteps.stream().flatMap(source -> source.on(found, caller).stream()).toList());
		var county = new org.jijinan.shared.DivisionCode(found.township().value().substring(0, 6));
		model.addAttribute("townships", places.townshipsOf(county)
			.stream()
			.filter(township -> !township.code().equals(found.township()))
			.toList());
		model.addAttribute("counties", places.otherCounties(county));
		model.addAttribute("townshipName", regions.find(found.township())
			.map(org.jijinan.region.DivisionView::name)
			.orElse(found.township().value()));
		model.addAttribute("timeline", desk.timeline(number, caller));
		model.addAttribute("causeNames", intake.causes()
			.stream()
			.collect(java.util.stream.Collectors.toMap(HardshipCause::code,
					cause -> LocaleContextHolder.getLocale().getLanguage().equals("en") ? cause.englishName()
							: cause.chineseName())));
		boolean handles = caller.roles().stream().anyMatch(CaseDesk.HANDLERS::contains);
		model.addAttribute("mayMove", handles);
		model.addAttribute("handoverCandidates", handles && found.status().open()
				? desk.handoverCandidates(number, caller) : java.util.List.of());
		model.addAttribute("tasks", tasks.ofCase(number, caller));
		model.addAttribute("targets", handles ? tasks.targets(number, caller) : java.util.List.of());
		model.addAttribute("kinds", TaskKind.values());
		InvestigationView inquiry = investigation.of(number, caller);
		model.addAttribute("investigation", inquiry);
		model.addAttribute("visitorNames", desk.displayNames(inquiry.visits()
			.stream()
			.flatMap(visit -> visit.confirmations().stream().map(confirmation -> confirmation.visitor()))
			.toList()));
		model.addAttribute("companions", handles && found.status().open() ? desk.visitCompanions(number, caller)
				: java.util.List.of());
		model.addAttribute("sharingBasis", desk.sharingBasis(number).orElse(null));
		model.addAttribute("today", java.time.LocalDate.now(clock.withZone(org.jijinan.calendar.WorkingDayCalendar.COUNTY)));
		return "casework/case";
	}

}
