package org.jijinan.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendar page for administrators: a year's official days, a warning when a year has none yet (deadlines then
 * count weekends only), and forms to enter, change and remove days.
 */
@Controller
@RequestMapping("/admin/calendar")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class CalendarPages {

	private final CalendarDays days;

	private final WorkingDayCalendar calendar;

	private final PageProblems problems;

	private final Clock clock;

	CalendarPages(CalendarDays days, WorkingDayCalendar calendar, PageProblems problems, Clock clock) {
		this.days = days;
		this.calendar = calendar;
		this.problems = problems;
		this.clock = clock;
	}

	@GetMapping
	String year(@RequestParam(required = false) @Nullable Integer year, Model model) {
		int shown = year == null ? LocalDate.now(clock).getYear() : Math.max(2000, Math.min(2100, year));
		model.addAttribute("year", shown);
		model.addAttribute("days", days.of(shown));
		int thisYear = LocalDate.now(clock).getYear();
		model.addAttribute("missing", calendar.yearsWithoutOfficialData(thisYear, thisYear + 1));
		return "calendar/year";
	}

	@PostMapping
	String set(@RequestParam String day, @RequestParam String kind, @RequestParam String name,
			@AuthenticationPrincipal Caller caller, Model model) {
		LocalDate date = date(day);
		try {
			days.set(date, kind, name, caller);
			return "redirect:/admin/calendar?year=" + date.getYear();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return year(date.getYear(), model);
		}
	}

	@PostMapping("/removal")
	String remove(@RequestParam String day, @AuthenticationPrincipal Caller caller, Model model) {
		LocalDate date = date(day);
		try {
			days.remove(date, caller);
			return "redirect:/admin/calendar?year=" + date.getYear();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return year(date.getYear(), model);
		}
	}

	private static LocalDate date(String text) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException malformed) {
			throw new InvalidInput("calendar.day-malformed");
		}
	}

}
