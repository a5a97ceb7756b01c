package org.jijinan.intake;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.region.PlaceNames;
import org.jijinan.region.Places;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages anyone can use without signing in: apply for help, report someone in need, and follow a request with its
 * number and the phone number given (status only). Rate-limited per client address.
 */
@Controller
@RequestMapping("/public")
class PublicPages {

	private static final int NAME_MAX = 50;

	private static final int DESCRIPTION_MAX = 2000;

	private final IntakeDesk desk;

	private final PublicLimits limits;

	private final PageProblems problems;

	private final Places places;

	private final PlaceNames placeNames;

	private final IntakeSettings settings;

	private final ObjectProvider<ApplicantProgress> progress;

	private final ObjectProvider<FollowedElsewhere> elsewhere;

	PublicPages(IntakeDesk desk, PublicLimits limits, PageProblems problems, Places places, PlaceNames placeNames,
			IntakeSettings settings, ObjectProvider<ApplicantProgress> progress,
			ObjectProvider<FollowedElsewhere> elsewhere) {
		this.progress = progress;
		this.elsewhere = elsewhere;
		this.desk = desk;
		this.limits = limits;
		this.problems = problems;
		this.places = places;
		this.placeNames = placeNames;
		this.settings = settings;
	}

	/**
	 * The public home: asking for help, reporting someone, following a request, the hotline; the staff login is one
	 * link on it.
	 */
	@GetMapping({ "", "/" })
	String home(Model model) {
		model.addAttribute("countyName", placeNames.of(county()));
		model.addAttribute("hotlineNumber", settings.hotlineNumber());
		model.addAttribute("hotlineHours", settings.hotlineHours());
		return "intake/public-home";
	}

	/**
	 * @param forWhom {@code other} when someone reports a person in hardship rather than asking for themselves
	 * @param village the village a poster's QR code chose; one the form does not offer (retired, unknown, anything
	 * else) leaves the choice to the person, with a note saying why
	 */
	@GetMapping("/apply")
	String applyForm(@RequestParam(name = "for", required = false) @Nullable String forWhom,
			@RequestParam(required = false) @Nullable String village, Model model) {
		Map<String, String> form = new java.util.HashMap<>();
		form.put("forSomeoneElse", String.valueOf("other".equals(forWhom)));
		List<Places.Township> offered = places.villagesFor(county());
		if (village != null) {
			if (offered.stream().anyMatch(township -> township.village(village).isPresent())) {
				form.put("village", village);
			}
			else {
				model.addAttribute("villageNote", true);
			}
		}
		return applyPage(form, offered, model);
	}

	/** A language switch on a refused form reloads it: the form is where one applies. */
	@GetMapping("/requests")
	String backToForm() {
		return "redirect:/public/apply";
	}

	@PostMapping("/requests")
	String submit(@RequestParam Map<String, String> form,
			@RequestParam(required = false) @Nullable Set<String> causes,
			@RequestParam(name = "urgent", required = false) @Nullable Set<String> urgent, Locale locale,
			HttpServletRequest request, Model model) {
		limits.submission(request.getRemoteAddr());
		boolean forSomeoneElse = "true".equals(form.get("forSomeoneElse"));
		String name = form.get("name");
		String phone = form.get("phone");
		try {
			String village = form.get("village");
			if (village == null || village.isBlank()) {
				throw new InvalidInput("intake.village-required");
			}
			fits(name, NAME_MAX, "intake.name-too-long");
			String description = form.get("description");
			if (description == null || description.isBlank()) {
				throw new InvalidInput("intake.description-required");
			}
			fits(description, DESCRIPTION_MAX, "intake.description-too-long");
			wellFormed(phone, "intake.subject-phone-malformed");
			if (forSomeoneElse) {
				fits(form.get("reporterName"), NAME_MAX, "intake.reporter-name-too-long");
				wellFormed(form.get("reporterPhone"), "intake.reporter-phone-malformed");
			}
			var spec = new NewHelpRequest(Channel.ONLINE, Urgency.NORMAL,
					forSomeoneElse ? form.get("reporterName") : name,
					forSomeoneElse ? ReporterRelation.OTHER : ReporterRelation.SELF,
					forSomeoneElse ? form.get("reporterPhone") : phone, null, name, phone,
					DivisionCode.of(village).value(), null, form.get("description"),
					causes == null || causes.isEmpty() ? Set.of("OTHER") : causes, false, null,
					ApplicantLanguage.of(locale), urgentNeeds(urgent));
			HelpRequestView received = desk.receive(spec, ONLINE);
			model.addAttribute("number", received.number());
			return "intake/public-received";
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			model.addAttribute("ticked", causes == null ? Set.of() : causes);
			model.addAttribute("urgentTicked", urgent == null ? Set.of() : urgent);
			return applyPage(form, places.villagesFor(county()), model);
		}
	}

	private String applyPage(Map<String, String> form, List<Places.Township> offered, Model model) {
		Map<String, String> kept = new java.util.HashMap<>(form);
		kept.remove("_csrf");
		model.addAttribute("form", kept);
		model.addAttribute("causes", desk.causes());
		model.addAttribute("urgentNeeds", UrgentNeed.values());
		model.addAttribute("places", offered);
		model.addAttribute("hotlineNumber", settings.hotlineNumber());
		return "intake/public-apply";
	}

	private static Set<UrgentNeed> urgentNeeds(@Nullable Set<String> ticked) {
		if (ticked == null) {
			return Set.of();
		}
		try {
			return ticked.stream().map(UrgentNeed::valueOf).collect(java.util.stream.Collectors.toSet());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("intake.urgent-need-unknown");
		}
	}

	/**
	 * Refuses a text longer than its field takes with a code naming the field, so that the page says it beside it in
	 * the reader's language (the request's own check would name the field by its code).
	 */
	private static void fits(@Nullable String text, int max, String problem) {
		if (text != null && text.strip().length() > max) {
			throw new InvalidInput(problem, String.valueOf(max));
		}
	}

	/**
	 * Refuses a malformed phone with a code naming its field, so that the page says it beside that field.
	 */
	private static void wellFormed(@Nullable String phone, String problem) {
		if (phone != null && !phone.isBlank()) {
			try {
				PhoneNumber.parse(phone);
			}
			catch (InvalidInput malformed) {
				throw new InvalidInput(problem);
			}
		}
	}

	private DivisionCode county() {
		return DivisionCode.of(settings.publicCounty());
	}

	@GetMapping("/follow")
	String followForm() {
		return "intake/public-follow";
	}

	@PostMapping("/follow")
	String follow(@RequestParam String number, @RequestParam String phone, HttpServletRequest request, Model model) {
		var page = elsewhere.stream().flatMap(other -> other.pageFor(number).stream()).findFirst();
		if (page.isPresent()) {
			return "forward:" + page.get();
		}
		limits.lookup(request.getRemoteAddr());
		IntakeDesk.PublicStatus found = desk.publicStatus(number, phone).orElse(null);
		model.addAttribute("status", found == null ? null : found.status());
		model.addAttribute("milestones", found == null ? List.of()
				: progress.stream().flatMap(told -> told.of(found.number()).stream()).toList());
		model.addAttribute("asked", true);
		return "intake/public-follow";
	}

	@ExceptionHandler
	String tooMany(PublicLimits.TooManyRequests tooMany, HttpServletResponse response, Model model) {
		response.setHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
		problems.show(model, tooMany);
		response.setStatus(429);
		return "intake/public-follow";
	}


	/** The receiver of online applications: the platform's online window. */
	static final Caller ONLINE = new Caller() {

		@Override
		public String name() {
			return "online";
		}

		@Override
		public Set<String> roles() {
			return Set.of();
		}

		@Override
		public @Nullable DivisionCode regionScope() {
			return null;
		}

		@Override
		public String organisation() {
			return "网上受理";
		}

	};

}
