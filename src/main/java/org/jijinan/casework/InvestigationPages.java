package org.jijinan.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The investigation forms of the case page, and the printable public notice.
 */
@Controller
@RequestMapping("/cases/{number}")
class InvestigationPages {

	private final Investigation investigation;

	private final CasePages casePages;

	private final PageProblems problems;

	InvestigationPages(Investigation investigation, CasePages casePages, PageProblems problems) {
		this.investigation = investigation;
		this.casePages = casePages;
		this.problems = problems;
	}

	@PostMapping("/visits")
	String visit(@PathVariable String number, @RequestParam(required = false) @Nullable String visitedOn,
			@RequestParam(required = false) @Nullable List<String> visitors,
			@RequestParam(required = false) @Nullable String findings, @AuthenticationPrincipal Caller caller,
			Model model) {
		model.addAttribute("visitedOn", visitedOn);
		model.addAttribute("chosenVisitors", visitors == null ? List.of() : visitors);
		model.addAttribute("findings", findings);
		return act(number, caller, model, () -> investigation.recordVisit(number, date(visitedOn), names(visitors),
				findings, caller));
	}

	@PostMapping("/visits/{visit}/confirmation")
	String confirm(@PathVariable String number, @PathVariable UUID visit, @AuthenticationPrincipal Caller caller,
			Model model) {
		return act(number, caller, model, () -> investigation.confirmVisit(number, visit, caller));
	}

	@PostMapping("/visits/{visit}/photos")
	String photo(@PathVariable String number, @PathVariable UUID visit, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal Caller caller, Model model) {
		return act(number, caller, model, () -> {
			try (var content = file.getInputStream()) {
				investigation.addPhoto(number, visit, file.getOriginalFilename(), content, caller);
			}
			catch (IOException unreadable) {
				throw new InvalidInput("casework.photo-type");
			}
		});
	}

	@GetMapping("/photos/{photo}")
	void photoContent(@PathVariable String number, @PathVariable UUID photo, @AuthenticationPrincipal Caller caller,
			HttpServletResponse response) throws IOException {
		var buffer = new ByteArrayOutputStream();
		var view = investigation.photo(number, photo, caller, buffer);
		response.setContentType(view.contentType());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "no-store");
		response.setContentLengthLong(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}

	@PostMapping("/economic-checks")
	String check(@PathVariable String number, @RequestParam(required = false) @Nullable String authorisedOn,
			@RequestParam(required = false) @Nullable String authorisationNote, @AuthenticationPrincipal Caller caller,
			Model model) {
		return act(number, caller, model,
				() -> investigation.requestCheck(number, date(authorisedOn), authorisationNote, caller));
	}

	@PostMapping("/economic-checks/{check}/report")
	String report(@PathVariable String number, @PathVariable UUID check,
			@RequestParam(required = false) @Nullable String reportDate,
			@RequestParam(required = false) @Nullable String validUntil,
			@RequestParam(required = false) @Nullable String summary, @AuthenticationPrincipal Caller caller,
			Model model) {
		return act(number, caller, model, () -> investigation.recordReport(number, check, date(reportDate),
				date(validUntil), summary, caller));
	}

	@PostMapping("/evaluations")
	String evaluation(@PathVariable String number, @RequestParam(required = false) @Nullable String heldOn,
			@RequestParam(defaultValue = "0") int participants, @RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String notes, @AuthenticationPrincipal Caller caller,
			Model model) {
		return act(number, caller, model, () -> investigation.recordEvaluation(number, date(heldOn), participants,
				outcome, notes, caller));
	}

	@PostMapping("/notices")
	String notice(@PathVariable String number, @RequestParam(required = false) @Nullable Integer days,
			@AuthenticationPrincipal Caller caller, Model model) {
		return act(number, caller, model, () -> investigation.postNotice(number, days, caller));
	}

	@PostMapping("/notices/{notice}/objections")
	String objection(@PathVariable String number, @PathVariable UUID notice,
			@RequestParam(required = false) @Nullable String receivedOn,
			@RequestParam(required = false) @Nullable String summary, @AuthenticationPrincipal Caller caller,
			Model model) {
		return act(number, caller, model,
				() -> investigation.recordObjection(number, notice, date(receivedOn), summary, caller));
	}

	@GetMapping("/notices/{notice}")
	String printable(@PathVariable String number, @PathVariable UUID notice, @AuthenticationPrincipal Caller caller,
			Model model) {
		model.addAttribute("notice", investigation.of(number, caller)
			.notices()
			.stream()
			.filter(candidate -> candidate.id().equals(notice))
			.findFirst()
			.orElseThrow(() -> new NotFound("casework.notice-not-found")));
		return "casework/notice";
	}

	private String act(String number, Caller caller, Model model, Runnable action) {
		try {
			action.run();
			return "redirect:/cases/" + number + "#investigation";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return casePages.page(number, caller, model);
		}
	}

	private static List<String> names(@Nullable List<String> visitors) {
		return visitors == null ? List.of() : visitors.stream().filter(name -> !name.isBlank()).toList();
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidInput("casework.date-invalid");
		}
	}

}
