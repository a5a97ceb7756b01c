package org.jijinan.pilot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
 * The pilot's organisation page (试点组织): leading groups, meetings with their action items (the owner marks theirs
 * done), publicity, liaison leaders and their visits, and the forms for those who keep them. A refused form keeps
 * what was typed and says why.
 */
@Controller
@RequestMapping("/pilot")
class PilotOrganisationPages {

	/** How many decisions the meeting form offers. */
	static final int DECISIONS = 3;

	private final Pilot pilot;

	private final PilotOrganisation organisation;

	private final PageProblems problems;

	PilotOrganisationPages(Pilot pilot, PilotOrganisation organisation, PageProblems problems) {
		this.pilot = pilot;
		this.organisation = organisation;
		this.problems = problems;
	}

	@GetMapping("/organisation")
	String show(@AuthenticationPrincipal Caller caller, Model model) {
		return page(Map.of(), null, caller, model);
	}

	@PostMapping("/start")
	String start(@RequestParam(required = false) @Nullable String startsOn, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(Map.of("startsOn", startsOn == null ? "" : startsOn), "start", caller, model,
				() -> pilot.start(startsOn, caller));
	}

	@PostMapping("/organisation/members")
	String addMember(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller, Model model) {
		return attempt(form, "member", caller, model, () -> organisation.addMember(new PilotOrganisation.NewMember(
				form.get("township"), form.get("name"), form.get("post"), form.get("unit"), role(form.get("role"))),
				caller));
	}

	@PostMapping("/organisation/meetings")
	String recordMeeting(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(form, "meeting", caller, model, () -> {
			List<PilotOrganisation.NewDecision> decisions = new ArrayList<>();
			for (int i = 1; i <= DECISIONS; i++) {
				decisions.add(new PilotOrganisation.NewDecision(form.get("decision" + i), form.get("owner" + i),
						form.get("due" + i)));
			}
			organisation.recordMeeting(new PilotOrganisation.NewMeeting(kind(form.get("kind")), form.get("heldOn"),
					form.get("place"), form.get("attendees"), form.get("minutes"), decisions), caller);
		});
	}

	@PostMapping("/organisation/actions/{id}/completion")
	String complete(@PathVariable UUID id, @RequestParam(required = false) @Nullable String note,
			@AuthenticationPrincipal Caller caller, Model model) {
		return attempt(Map.of(), "action-" + id, caller, model, () -> organisation.completeAction(id, note, caller));
	}

	@PostMapping("/organisation/publicity")
	String recordPublicity(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(form, "publicity", caller, model, () -> organisation.recordPublicity(
				new PilotOrganisation.NewPublicity(form.get("township"), form.get("heldOn"), form.get("what"),
						form.get("place"), reach(form.get("reach"))),
				caller));
	}

	@PostMapping("/organisation/liaisons")
	String assignLiaison(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller,
			Model model) {
		return attempt(form, "liaison", caller, model,
				() -> organisation.assignLiaison(form.get("township"), form.get("leader"), form.get("post"), caller));
	}

	@PostMapping("/organisation/visits")
	String recordVisit(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller, Model model) {
		return attempt(form, "visit", caller, model, () -> organisation.recordVisit(form.get("township"),
				form.get("visitedOn"), form.get("findings"), caller));
	}

	private String attempt(Map<String, String> form, String which, Caller caller, Model model, Runnable action) {
		try {
			action.run();
			return "start".equals(which) ? "redirect:/pilot" : "redirect:/pilot/organisation";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(form, which, caller, model);
		}
	}

	private String page(Map<String, String> form, @Nullable String which, Caller caller, Model model) {
		Map<String, String> kept = new HashMap<>(form);
		kept.remove("_csrf");
		model.addAttribute("form", kept);
		model.addAttribute("refused", which);
		model.addAttribute("me", caller.name());
		model.addAttribute("organisation", organisation.view(caller));
		model.addAttribute("pilot", pilot.overview(caller));
		model.addAttribute("roles", PilotOrganisation.Role.values());
		model.addAttribute("kinds", PilotOrganisation.MeetingKind.values());
		model.addAttribute("decisionSlots", java.util.stream.IntStream.rangeClosed(1, DECISIONS).boxed().toList());
		return "pilot/organisation";
	}

	private static PilotOrganisation.@Nullable Role role(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : PilotOrganisation.Role.valueOf(text);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("pilot.member-role-required");
		}
	}

	private static PilotOrganisation.@Nullable MeetingKind kind(@Nullable String text) {
		try {
			return text == null || text.isBlank() ? null : PilotOrganisation.MeetingKind.valueOf(text);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("pilot.meeting-kind-required");
		}
	}

	private static @Nullable Integer reach(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException notANumber) {
			throw new org.jijinan.shared.RuleViolation("pilot.publicity-reach-invalid");
		}
	}

}
