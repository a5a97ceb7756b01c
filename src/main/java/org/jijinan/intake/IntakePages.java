package org.jijinan.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.people.PersonFinder;
import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistry;
import org.jijinan.people.PersonSearch;
import org.jijinan.region.DivisionView;
import org.jijinan.region.Places;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
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
 * The intake pages: the window form (fast keyboard entry, person look-up by ID number), the queue with its clocks,
 * the request page with its owner, and the printable receipt.
 */
@Controller
@RequestMapping("/intake")
class IntakePages {

	private final IntakeDesk desk;

	private final PersonFinder finder;

	private final PageProblems problems;

	private final IntakeSettings settings;

	private final Attachments attachments;

	private final RegionDirectory regions;

	private final StaffDirectory staff;

	private final PersonRegistry persons;

	private final Places places;

	private final CallBackDesk callBacks;

	private final java.time.Clock clock;

	private final ReceiptLanguage receiptLanguage;

	IntakePages(IntakeDesk desk, PersonFinder finder, PageProblems problems, IntakeSettings settings,
			Attachments attachments, RegionDirectory regions, Places places, StaffDirectory staff,
			PersonRegistry persons, CallBackDesk callBacks, java.time.Clock clock, ReceiptLanguage receiptLanguage) {
		this.receiptLanguage = receiptLanguage;
		this.callBacks = callBacks;
		this.clock = clock;
		this.places = places;
		this.regions = regions;
		this.staff = staff;
		this.persons = persons;
		this.settings = settings;
		this.attachments = attachments;
		this.desk = desk;
		this.finder = finder;
		this.problems = problems;
	}

	@GetMapping("/new")
	String form(@RequestParam(defaultValue = "WINDOW") Channel channel, @AuthenticationPrincipal Caller caller,
			Model model) {
		model.addAttribute("channel", channel);
		model.addAttribute("places", places.villagesFor(caller.regionScope()));
		model.addAttribute("causes", desk.causes());
		model.addAttribute("relations", ReporterRelation.values());
		return "intake/form";
	}

	@GetMapping("/hotline")
	String hotline(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("hotlineNumber", settings.hotlineNumber());
		model.addAttribute("hotlineHours", settings.hotlineHours());
		return form(Channel.HOTLINE, caller, model);
	}

	@PostMapping("/earlier-calls")
	String earlierCalls(@RequestParam String reporterPhone, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			model.addAttribute("earlier", desk.earlierFrom(reporterPhone, caller));
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return "intake/form :: earlier";
	}

	@GetMapping("/field-report")
	String fieldReport(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("causes", desk.causes());
		model.addAttribute("places", places.villagesFor(caller.regionScope()));
		DivisionCode scope = caller.regionScope();
		model.addAttribute("ownVillage", scope != null && scope.value().length() == 12 ? scope.value() : null);
		return "intake/field-report";
	}

	@PostMapping("/person-lookup")
	String lookup(@RequestParam String idNumber, @AuthenticationPrincipal Caller caller, Model model) {
		if (idNumber.isBlank()) {
			return "intake/form :: lookup";
		}
		try {
			model.addAttribute("found", finder.search(new PersonSearch(idNumber, null, null, null, null, 0, 1), caller)
				.rows()
				.stream()
				.findFirst()
				.orElse(null));
			model.addAttribute("looked", true);
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
		}
		return "intake/form :: lookup";
	}

	@PostMapping("/requests")
	String receive(@RequestParam Channel channel, @RequestParam Urgency urgency,
			@RequestParam(required = false) @Nullable String reporterName,
			@RequestParam ReporterRelation reporterRelation,
			@RequestParam(required = false) @Nullable String reporterPhone,
			@RequestParam(required = false) @Nullable UUID personId,
			@RequestParam(required = false) @Nullable String subjectName,
			@RequestParam(required = false) @Nullable String subjectPhone,
			@RequestParam(required = false) @Nullable String village, @RequestParam String description,
			@RequestParam(required = false) @Nullable Set<String> causes,
			@RequestParam(defaultValue = "false") boolean callbackWanted,
			@RequestParam(required = false) @Nullable String idNumber,
			@RequestParam(defaultValue = "CHINESE") ApplicantLanguage language, @AuthenticationPrincipal Caller caller,
			Model model) {
		try {
			HelpRequestView received = desk.receive(new NewHelpRequest(channel, urgency, reporterName, reporterRelation,
					reporterPhone, personId, subjectName, subjectPhone, village, null, description,
					causes == null ? Set.of() : causes, callbackWanted, idNumber, language, null), caller);
			return "redirect:/intake/requests/" + received.number() + "?received";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("urgency", urgency.name());
			model.addAttribute("idNumber", idNumber);
			model.addAttribute("subjectName", subjectName);
			model.addAttribute("subjectPhone", subjectPhone);
			model.addAttribute("village", village);
			model.addAttribute("reporterRelation", reporterRelation.name());
			model.addAttribute("reporterName", reporterName);
			model.addAttribute("reporterPhone", reporterPhone);
			model.addAttribute("callbackWanted", callbackWanted);
			model.addAttribute("language", language.name());
			model.addAttribute("chosenCauses", causes);
			model.addAttribute("description", description);
			return form(channel, caller, model);
		}
	}

	@GetMapping("/queue")
	String queue(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("requests", desk.queue(caller));
		model.addAttribute("callBacks", callBacks.owedTo(caller));
		model.addAttribute("now", clock.instant());
		return "intake/queue";
	}

	@PersonalDataRead(subject = "help-request", variable = "number")
	@GetMapping("/requests/{number}")
	String request(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		return requestPage(number, caller, model);
	}

	/**
	 * The printed receipt: who asked, for what, who owns it at which office, when the answer is due and how to
	 * follow it or call.
	 */
	@GetMapping("/requests/{number}/receipt")
	String receipt(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		HelpRequestView request = desk.find(number, caller);
		model.addAttribute("request", request);
		names(request, model);
		java.util.Map<String, String> causeNames = new java.util.HashMap<>();
		desk.causes().forEach(cause -> causeNames.put(cause.code(), cause.chineseName()));
		model.addAttribute("causeNames", request.causes().stream().map(code -> causeNames.getOrDefault(code, code))
			.sorted()
			.collect(java.util.stream.Collectors.joining("、")));
		model.addAttribute("hotlineNumber", settings.hotlineNumber());
		receiptLanguage.second(request, model);
		return "intake/receipt";
	}

	/**
	 * Accepting a request lands on the case it went to, where the work goes on.
	 */
	@PostMapping("/requests/{number}/acceptance")
	String accept(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		try {
			HelpRequestView accepted = desk.accept(number, caller);
			return accepted.caseNumber() == null ? "redirect:/intake/requests/" + number
					: "redirect:/cases/" + accepted.caseNumber();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return requestPage(number, caller, model);
		}
	}

	@PostMapping("/requests/{number}/refusal")
	String refuse(@PathVariable String number, @RequestParam String reason, @AuthenticationPrincipal Caller caller,
			Model model) {
		return act(number, caller, model, () -> desk.refuse(number, reason, caller));
	}

	@PostMapping("/requests/{number}/merger")
	String merge(@PathVariable String number, @RequestParam String into, @AuthenticationPrincipal Caller caller,
			Model model) {
		return act(number, caller, model, () -> desk.merge(number, into.strip(), caller));
	}

	@PostMapping("/requests/{number}/distinction")
	String keepApart(@PathVariable String number, @RequestParam(required = false) @Nullable String reason,
			@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("distinctionReason", reason);
		return act(number, caller, model, () -> desk.keepApart(number, reason, caller));
	}

	@PostMapping("/requests/{number}/forwarding")
	String forward(@PathVariable String number, @RequestParam String county, @RequestParam String note,
			@AuthenticationPrincipal Caller caller, Model model) {
		return act(number, caller, model, () -> desk.forward(number, DivisionCode.of(county), note, caller));
	}

	/**
	 * Records an attempt to call the caller back; a refused attempt comes back with what was typed and the reason
	 * beside the field.
	 */
	@PostMapping("/requests/{number}/call-backs")
	String callBack(@PathVariable String number, @RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @Nullable String note, @AuthenticationPrincipal Caller caller,
			Model model) {
		model.addAttribute("callBackOutcome", outcome);
		model.addAttribute("callBackNote", note);
		return act(number, caller, model, () -> callBacks.record(number, outcomeOf(outcome), note, caller));
	}

	private static @Nullable CallBackOutcome outcomeOf(@Nullable String given) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return CallBackOutcome.valueOf(given.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("intake.call-back-outcome-required");
		}
	}

	@PostMapping("/requests/{number}/attachments")
	String attach(@PathVariable String number, @RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal Caller caller, Model model) {
		return act(number, caller, model, () -> {
			if (file.isEmpty()) {
				throw new InvalidInput("intake.attachment-empty");
			}
			try (InputStream content = file.getInputStream()) {
				attachments.attach(number, String.valueOf(file.getOriginalFilename()), content, caller);
			}
			catch (IOException unreadable) {
				throw new InvalidInput("intake.attachment-empty");
			}
		});
	}

	@GetMapping("/requests/{number}/attachments/{id}")
	void attachment(@PathVariable String number, @PathVariable UUID id, @AuthenticationPrincipal Caller caller,
			HttpServletResponse response) throws IOException {
		var buffer = new ByteArrayOutputStream();
		var view = attachments.read(number, id, caller, buffer);
		response.setContentType(view.contentType());
		response.setHeader("Content-Disposition", ContentDisposition.inline()
			.filename(view.fileName(), StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "no-store");
		response.setContentLengthLong(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}

	/**
	 * Does one thing to a request and shows it again: after success by redirect, after a refusal with the reason.
	 */
	private String act(String number, Caller caller, Model model, Runnable action) {
		try {
			action.run();
			return "redirect:/intake/requests/" + number;
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return requestPage(number, caller, model);
		}
	}

	private String requestPage(String number, Caller caller, Model model) {
		HelpRequestView request = desk.find(number, caller);
		model.addAttribute("request", request);
		names(request, model);

		boolean mayDecide = desk.mayDecide(number, caller);
		model.addAttribute("mayDecide", mayDecide);
		model.addAttribute("counties", mayDecide
				? places.otherCounties(new DivisionCode(request.township().value().substring(0, 6))) : List.of());
		model.addAttribute("attachments", attachments.list(number, caller));
		model.addAttribute("attachmentMaxMegabytes", Math.max(1, settings.attachmentMaxBytes() / (1024 * 1024)));
		model.addAttribute("callBack", callBacks.panel(number, caller).orElse(null));
		model.addAttribute("now", clock.instant());
		return "intake/request";
	}

	/**
	 * People read names: the township and village, the owner as colleagues know them, the person concerned.
	 */
	private void names(HelpRequestView request, Model model) {
		model.addAttribute("townshipName", placeName(request.township()));
		model.addAttribute("villageName", placeName(request.village()));
		model.addAttribute("ownerName", staff.displayName(request.owner()).orElse(request.owner()));
		model.addAttribute("subjectName", request.subjectName() != null || request.personId() == null
				? request.subjectName() : persons.nameOf(new PersonId(request.personId())).orElse(null));
	}

	private String placeName(DivisionCode code) {
		return regions.find(code).map(DivisionView::name).orElse(code.value());
	}

}
