package org.jijinan.pilot;

import java.io.IOException;
import java.io.InputStream;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pilot's page: phases, the readiness checklist of each township, policy documents and the evaluation report.
 */
@Controller
class PilotPages {

	private final Pilot pilot;

	private final PageProblems problems;

	PilotPages(Pilot pilot, PageProblems problems) {
		this.pilot = pilot;
		this.problems = problems;
	}

	@GetMapping("/pilot")
	String overview(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("pilot", pilot.overview(caller));
		model.addAttribute("items", Pilot.Item.values());
		model.addAttribute("countyKeeper", caller.regionScope() != null && caller.regionScope().value().length() == 6
				&& caller.roles().stream().anyMatch(Pilot.COUNTY_KEEPERS::contains));
		model.addAttribute("keeper", caller.roles().stream().anyMatch(role -> Pilot.COUNTY_KEEPERS.contains(role)
				|| Pilot.TOWNSHIP_KEEPERS.contains(role)));
		return "pilot/overview";
	}

	@PostMapping("/pilot/phases")
	String addPhase(@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String startsOn,
			@RequestParam(required = false) @Nullable String endsOn,
			@RequestParam(required = false) @Nullable String goal, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			pilot.addPhase(name, startsOn, endsOn, goal, caller);
			return "redirect:/pilot";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return overview(caller, model);
		}
	}

	@PostMapping("/pilot/readiness")
	String mark(@RequestParam String township, @RequestParam String item, @RequestParam boolean done,
			@AuthenticationPrincipal Caller caller, Model model) {
		try {
			pilot.setReadiness(township, item, done, null, caller);
			return "redirect:/pilot#readiness";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return overview(caller, model);
		}
	}

	@PostMapping("/pilot/documents")
	String file(@RequestParam String township, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String number,
			@RequestParam(required = false) @Nullable String issuedOn,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal Caller caller, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("pilot.document-file-missing");
			}
			try (InputStream content = file.getInputStream()) {
				pilot.fileDocument(township, title, number, issuedOn, file.getOriginalFilename(), content, caller);
			}
			return "redirect:/pilot#documents";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return overview(caller, model);
		}
	}

}
