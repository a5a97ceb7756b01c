package org.jijinan.complaints;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jijinan.intake.ApplicantLanguage;
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
 * The staff's complaint pages: the handler's list, one complaint with what the handler may do next (acknowledge,
 * extend once, answer, see the complainant), and the form on which the hotline, the window or the bureau types in a
 * complaint received by phone, in person or by letter.
 */
@Controller
@RequestMapping("/complaints")
class ComplaintPages {

	private final ComplaintDesk desk;

	private final ComplaintIntake intake;

	private final PageProblems problems;

	private final Clock clock;

	ComplaintPages(ComplaintDesk desk, ComplaintIntake intake, PageProblems problems, Clock clock) {
		this.desk = desk;
		this.intake = intake;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("complaints", desk.handledBy(caller));
		model.addAttribute("now", clock.instant());
		return "complaints/list";
	}

	@GetMapping("/new")
	String newForm(@AuthenticationPrincipal Caller caller, Model model) {
		Map<String, String> form = new HashMap<>();
		form.put("channel", caller.hasRole("HOTLINE_OPERATOR") ? "HOTLINE"
				: caller.hasRole("WINDOW_CLERK") ? "WINDOW" : "LETTER");
		return newPage(form, caller, model);
	}

	@PostMapping
	String receive(@RequestParam Map<String, String> form, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			var receipt = intake.receive(new NewComplaint(form.get("kind"), unit(form.get("subjectUnit")),
					form.get("subjectPerson"), form.get("reference"), form.get("text"),
					"true".equals(form.get("anonymous")), form.get("name"), form.get("phone"),
					language(form.get("language")), channel(form.get("channel"))), caller, caller.name());
			model.addAttribute("receipt", receipt);
			return "complaints/received";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return newPage(form, caller, model);
		}
	}

	@GetMapping("/{number}")
	String complaint(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		return page(number, caller, model);
	}

	@PostMapping("/{number}/acknowledgement")
	String acknowledge(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			desk.acknowledge(number, caller);
			return "redirect:/complaints/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return page(number, caller, model);
		}
	}

	@PostMapping("/{number}/extension")
	String extend(@PathVariable String number, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			desk.extend(number, reason, caller);
			return "redirect:/complaints/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("reason", reason);
			return page(number, caller, model);
		}
	}

	@PostMapping("/{number}/answer")
	String answer(@PathVariable String number, @RequestParam Map<String, String> form,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			String order = form.get("order");
			desk.answer(number, form.get("investigation"), form.get("finding"), form.get("answer"),
					new Consequences.Asked(form.get("caseNumber"), "true".equals(form.get("reopen")),
							"true".equals(form.get("stop")),
							order == null || order.isBlank() ? null : order, "true".equals(form.get("accountable")),
							form.get("person")),
					caller);
			return "redirect:/complaints/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			Map<String, String> kept = new HashMap<>(form);
			kept.remove("_csrf");
			model.addAttribute("form", kept);
			return page(number, caller, model);
		}
	}

	@PostMapping("/{number}/complainant")
	String reveal(@PathVariable String number, @RequestParam(required = false) @Nullable String purpose,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			model.addAttribute("revealed", desk.reveal(number, purpose, caller));
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("purpose", purpose);
		}
		return page(number, caller, model);
	}

	private String page(String number, Caller caller, Model model) {
		ComplaintView complaint = desk.find(number, caller);
		model.addAttribute("complaint", complaint);
		if (!model.containsAttribute("form")) {
			Map<String, String> form = new HashMap<>();
			form.put("caseNumber", complaint.reference() == null ? "" : complaint.reference());
			model.addAttribute("form", form);
		}
		model.addAttribute("findings", Finding.values());
		model.addAttribute("now", clock.instant());
		return "complaints/complaint";
	}

	private String newPage(Map<String, String> form, Caller caller, Model model) {
		Map<String, String> kept = new HashMap<>(form);
		kept.remove("_csrf");
		model.addAttribute("form", kept);
		model.addAttribute("kinds", ComplaintKind.values());
		model.addAttribute("units", intake.subjects(caller));
		model.addAttribute("channels", new ComplaintChannel[] { ComplaintChannel.HOTLINE, ComplaintChannel.WINDOW,
				ComplaintChannel.LETTER });
		model.addAttribute("languages", ApplicantLanguage.values());
		return "complaints/new";
	}

	private static @Nullable ComplaintChannel channel(@Nullable String given) {
		try {
			return given == null || given.isBlank() ? null : ComplaintChannel.valueOf(given);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("complaints.channel-required");
		}
	}

	private static @Nullable ApplicantLanguage language(@Nullable String given) {
		try {
			return given == null || given.isBlank() ? null : ApplicantLanguage.valueOf(given);
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("complaints.language-unknown");
		}
	}

	static @Nullable UUID unit(@Nullable String given) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(given.strip());
		}
		catch (IllegalArgumentException malformed) {
			throw new InvalidInput("complaints.subject-unknown");
		}
	}

}
