package org.jijinan.pilot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.BaseFont;
import org.jijinan.budget.Budgets;
import org.jijinan.budget.Standing;
import org.jijinan.reporting.Dashboard;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PrintedFont;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Builds the evaluation report of the pilot in the caller's area (their county, or their township) over the pilot's
 * period — from the first phase's
 * month to the last phase's, or to this month if the pilot is still running (at most five years back) — from the
 * live figures.
 */
@Service
class Evaluation {

	private final Pilot pilot;

	private final Dashboard dashboard;

	private final MessageSource messages;

	private final Clock clock;

	private volatile BaseFont font;

	private final Budgets budgets;

	private final PilotOrganisation organisation;

	Evaluation(Pilot pilot, Dashboard dashboard, MessageSource messages, Clock clock, Budgets budgets,
			PilotOrganisation organisation) {
		this.budgets = budgets;
		this.organisation = organisation;
		this.pilot = pilot;
		this.dashboard = dashboard;
		this.messages = messages;
		this.clock = clock;
	}

	EvaluationReport report(Caller caller, Locale locale) {
		Pilot.Overview overview = pilot.overview(caller);
		YearMonth now = YearMonth.from(LocalDate.now(clock.withZone(PilotSettings.CHINA)));
		YearMonth to = overview.phases().isEmpty() ? now
				: min(now, YearMonth.from(overview.phases().get(overview.phases().size() - 1).endsOn()));
		YearMonth from = overview.phases().isEmpty() ? to.minusMonths(11)
				: YearMonth.from(overview.phases().get(0).startsOn());
		if (from.isAfter(to)) {
			from = to;
		}
		if (from.plusMonths(59).isBefore(to)) {
			from = to.minusMonths(59);
		}
		Dashboard.DashboardView figures = dashboard.show(from.toString(), to.toString(), null, caller, locale);
		List<Standing> budgeted = caller.regionScope() == null ? List.of()
				: budgets.touching(caller.regionScope(), from.atDay(1), to.atEndOfMonth());
		return new EvaluationReport(overview, figures, budgeted, organisation.view(caller), clock.instant(), messages,
				locale);
	}

	byte[] pdf(EvaluationReport report, Caller caller) {
		byte[] pdf = report.pdf(font());
		dashboard.exported(report.figures(), "pilot-evaluation", "PDF", caller);
		return pdf;
	}

	byte[] xlsx(EvaluationReport report, Caller caller) {
		byte[] xlsx = report.xlsx();
		dashboard.exported(report.figures(), "pilot-evaluation", "XLSX", caller);
		return xlsx;
	}

	private BaseFont font() {
		BaseFont loaded = font;
		if (loaded == null) {
			loaded = PrintedFont.chinese(pilot.settings().font());
			font = loaded;
		}
		return loaded;
	}

	private static YearMonth min(YearMonth one, YearMonth other) {
		return one.isBefore(other) ? one : other;
	}

}
