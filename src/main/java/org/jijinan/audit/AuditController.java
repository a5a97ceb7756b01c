package org.jijinan.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit page for administrators and supervisors: the records in words (who by name and unit, what, which
 * object, the result), searched by person, action, dates and object, fifty to a page, newest first; and the chain
 * verification.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'SUPERVISOR')")
class AuditController {

	static final int PAGE_SIZE = 50;

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	private final AuditTrail trail;

	private final ChainVerification verification;

	private final StaffDirectory staff;

	private final MessageSource messages;

	private final RegionDirectory regions;

	AuditController(AuditTrail trail, ChainVerification verification, StaffDirectory staff, MessageSource messages,
			RegionDirectory regions) {
		this.regions = regions;
		this.trail = trail;
		this.verification = verification;
		this.staff = staff;
		this.messages = messages;
	}

	@GetMapping
	String page(@AuthenticationPrincipal Caller caller, @ModelAttribute("filter") Filter filter, Model model,
			HttpServletResponse response) {
		requireCountyScope(caller);
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate from = day(filter.from(), "from", problems);
		LocalDate to = day(filter.to(), "to", problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.put("to", message("audit.filter.to-before-from"));
		}
		model.addAttribute("actionGroups", AuditCatalogue.ACTIONS);
		model.addAttribute("subjectTypes", AuditCatalogue.SUBJECT_TYPES);
		model.addAttribute("results", AuditCatalogue.RESULTS);
		model.addAttribute("fieldProblems", problems);
		if (!problems.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problem", message("audit.filter.invalid"));
			model.addAttribute("entries", List.of());
			model.addAttribute("staff", Map.of());
			return "audit/records";
		}
		int page = filter.pageNumber();
		List<AuditEntry> found = trail.search(search(filter, from, to), (page - 1) * PAGE_SIZE, PAGE_SIZE + 1);
		List<AuditEntry> entries = found.size() > PAGE_SIZE ? found.subList(0, PAGE_SIZE) : found;
		model.addAttribute("entries", entries);
		model.addAttribute("staff",
				staff.named(entries.stream().map(AuditEntry::actor).collect(Collectors.toSet())));
		model.addAttribute("page", page);
		model.addAttribute("hasPrevious", page > 1);
		model.addAttribute("hasNext", found.size() > PAGE_SIZE);
		return "audit/records";
	}

	@PostMapping("/verification")
	String verify(@AuthenticationPrincipal Caller caller, Model model) {
		requireCountyScope(caller);
		VerificationReport report = verification.verifyFor(caller);
		model.addAttribute("report", report);
		model.addAttribute("chainName", chainName(report.chain()));
		return "audit/verification :: result";
	}

	/**
	 * @return the chain as people know it: the county's (or prefecture's, province's) name, or the platform's
	 */
	private String chainName(@Nullable String chain) {
		if (chain == null || AuditEntry.PLATFORM.equals(chain) || !chain.matches("\\d{6}")) {
			return message("audit.chain.platform");
		}
		return regions.find(DivisionCode.of(chain)).map(DivisionView::name).orElse(chain);
	}

	private AuditTrail.Search search(Filter filter, @Nullable LocalDate from, @Nullable LocalDate to) {
		List<String> actors = null;
		String who = blankToNull(filter.who());
		if (who != null) {
			actors = new ArrayList<>(staff.usernamesNamed(who));
			actors.add(who.toLowerCase(Locale.ROOT));
			if (!who.equals(who.toLowerCase(Locale.ROOT))) {
				actors.add(who);
			}
			if (who.equals(message("audit.actor.system"))) {
				actors.add("system");
			}
		}
		String action = blankToNull(filter.action());
		String subjectType = blankToNull(filter.subjectType());
		return new AuditTrail.Search(actors, action, from == null ? null : from.atStartOfDay(COUNTY).toInstant(),
				to == null ? null : to.plusDays(1).atStartOfDay(COUNTY).toInstant(), subjectType,
				subjects(blankToNull(filter.subject())));
	}

	/**
	 * @return the objects a search names: the number typed, and the accounts of the staff whose name it is
	 */
	private @Nullable List<String> subjects(@Nullable String subject) {
		if (subject == null) {
			return null;
		}
		List<String> subjects = new ArrayList<>(staff.accountsNamed(subject));
		subjects.add(subject);
		return subjects;
	}

	private @Nullable LocalDate day(@Nullable String text, String field, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			problems.put(field, message("audit.filter.date-invalid"));
			return null;
		}
	}

	private String message(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * The trail spans the whole installation, so only county-level administrators and supervisors read it.
	 */
	private static void requireCountyScope(Caller caller) {
		if (caller.regionScope() == null || caller.regionScope().value().length() > 6) {
			throw new Forbidden("audit.county-scope-required");
		}
	}

	/**
	 * The search form as typed, so that it comes back as it was (each field cut to 100 characters).
	 *
	 * @param who a name or login
	 * @param action an action
	 * @param from the first day
	 * @param to the last day
	 * @param subjectType a kind of object
	 * @param subject an object's number, or the name of the staff member whose account it is
	 * @param page the page, from 1
	 */
	record Filter(@Nullable String who, @Nullable String action, @Nullable String from, @Nullable String to,
			@Nullable String subjectType, @Nullable String subject, @Nullable String page) {

		Filter {
			who = limit(who);
			action = limit(action);
			from = limit(from);
			to = limit(to);
			subjectType = limit(subjectType);
			subject = limit(subject);
			page = limit(page);
		}

		/**
		 * @return the page asked for, from 1; anything else is the first page
		 */
		int pageNumber() {
			try {
				int number = page == null ? 1 : Integer.parseInt(page.strip());
				return number < 1 || number > 100_000 ? 1 : number;
			}
			catch (NumberFormatException malformed) {
				return 1;
			}
		}

		private static @Nullable String limit(@Nullable String text) {
			return text == null || text.length() <= 100 ? text : text.substring(0, 100);
		}

	}

}
