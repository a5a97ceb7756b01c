package org.jijinan.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jijinan.complaints.ComplaintFigures;
import org.jijinan.intake.HardshipCause;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.monitoring.WarningFigures;
import org.jijinan.region.RegionDirectory;
import org.jijinan.relief.Recoveries;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard: for a period of months and a region within the viewer's scope, how fast people got help and who
 * was slow. Reads only the roll-ups, so its cost depends on the number of townships, months, channels, causes and
 * urgencies, not on the number of cases.
 */
@Service
public class Dashboard {

	static final Set<String> VIEWERS = Set.of("LEADER", "SUPERVISOR", "COUNTY_REVIEWER", "COUNTY_APPROVER",
			"TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "ADMINISTRATOR");

	private static final int MAX_MONTHS = 60;

	/** The order urgencies are shown in: most urgent first, those recorded before urgencies were last. */
	private static final List<String> URGENCIES = List.of("EMERGENCY", "URGENT", "NORMAL", Rollups.NOT_RECORDED);

	private static final String SUMS = "sum(requests), sum(cases), sum(aided), " + TimeToAid.columns("sum(")
		.replace(", ", "), ") + ")";

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final IntakeDesk intake;

	private final MessageSource messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final WarningFigures warningFigures;

	private final ComplaintFigures complaintFigures;

	private final Recoveries recoveries;

	Dashboard(JdbcClient jdbc, RegionDirectory regions, IntakeDesk intake, MessageSource messages, Clock clock,
			ApplicationEventPublisher events, WarningFigures warningFigures, ComplaintFigures complaintFigures,
			Recoveries recoveries) {
		this.complaintFigures = complaintFigures;
		this.recoveries = recoveries;
		this.warningFigures = warningFigures;
		this.events = events;
		this.jdbc = jdbc;
		this.regions = regions;
		this.intake = intake;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * @param from the first month ({@code 2026-01}); the last twelve months when empty
	 * @param to the last month
	 * @param region a county or township within the viewer's scope; the whole scope when empty
	 */
	@Transactional(readOnly = true)
	public DashboardView show(@Nullable String from, @Nullable String to, @Nullable String region, Caller viewer,
			Locale locale) {
		Filter filter = filter(from, to, region, viewer);
		String scope = filter.region().value();
		Map<String, String> causeNames = intake.causes()
			.stream()
			.collect(Collectors.toMap(HardshipCause::code,
					cause -> locale.getLanguage().equals("en") ? cause.englishName() : cause.chineseName()));
		Map<String, Function<String, String>> labels = Map.of("township",
				code -> regions.find(new DivisionCode(code)).map(division -> division.name()).orElse(code), "month",
				Function.identity(), "channel",
				code -> messages.getMessage("reporting.channel." + code, null, code, locale), "cause",
				code -> causeNames.getOrDefault(code, code), "urgency",
				code -> messages.getMessage("reporting.urgency." + code, null, code, locale), "total",
				code -> messages.getMessage("reporting.total", null, "Total", locale));
		Map<String, List<Line>> breakdowns = breakdowns(filter, labels, locale);
		List<Line> townships = breakdowns.getOrDefault("township", List.of());
		List<Line> months = breakdowns.getOrDefault("month", List.of());
		List<Line> channels = breakdowns.getOrDefault("channel", List.of());
		List<Line> causes = breakdowns.getOrDefault("cause", List.of());
		List<Line> urgencies = breakdowns.getOrDefault("urgency", List.<Line>of())
			.stream()
			.sorted(java.util.Comparator.comparingInt(line -> urgencyRank(line.key())))
			.toList();
		Line total = breakdowns.getOrDefault("total", List.of(line("ALL", labels.get("total").apply("ALL"),
				new long[3 + TimeToAid.BUCKETS], locale))).get(0);
		List<UnitLine> units = units(filter);
		List<AmountLine> activity = activity(filter, locale);
		List<WarningLine> warnings = warnings(filter, locale);
		java.time.LocalDate first = filter.from().atDay(1);
		java.time.LocalDate after = filter.to().plusMonths(1).atDay(1);
		return new DashboardView(filter.from(), filter.to(), scope,
				regions.find(filter.region()).map(division -> division.name()).orElse(scope), total, townships, months,
				channels, causes, urgencies, units,
				activity.stream().filter(line -> !line.kind().startsWith("SERVICE_")).toList(),
				activity.stream().filter(line -> line.kind().startsWith("SERVICE_")).toList(), warnings,
				complaintFigures.of(filter.region(), first, after),
				recoveries.figures(regions.path(filter.region()), first, after));
	}

	/**
	 * Early warning's results for the period and region: per rule, warnings raised, checks that found need, the
	 * households found by data before anyone applied and the median days from the signal to the check and to aid.
	 */
	private List<WarningLine> warnings(Filter filter, Locale locale) {
		return warningFigures.byRule(filter.region(), filter.from().atDay(1), filter.to().plusMonths(1).atDay(1))
			.entrySet()
			.stream()
			.map(entry -> WarningLine.of(entry.getKey().name(),
					messages.getMessage("warnings.rule." + entry.getKey().name(), null, entry.getKey().name(), locale),
					entry.getValue()))
			.toList();
	}

	/**
	 * Records that someone took the dashboard away as a file (S8: exports are audited).
	 * @param format {@code XLSX} or {@code PDF}
	 * @param what what was exported, such as {@code dashboard} or {@code pilot-evaluation}
	 */
	@Transactional
	public void exported(DashboardView view, String what, String format, Caller caller) {
		events.publishEvent(new Exported(what, format, view.region(), view.from().toString(), view.to().toString(),
				caller.name()));
	}

	private static final String WHERE = "month between :from and :to and township like :scope || '%'";

	private List<UnitLine> units(Filter filter) {
		return jdbc.sql("select unit_name, sum(referred), sum(completed), sum(on_time), sum(returns) from reporting_units"
				+ " where " + WHERE + " group by unit_id, unit_name order by sum(referred) desc, unit_name, unit_id")
			.param("from", filter.from().atDay(1))
			.param("to", filter.to().atDay(1))
			.param("scope", filter.region().value())
			.query((row, n) -> UnitLine.of(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4),
					row.getLong(5)))
			.list();
	}

	private List<AmountLine> activity(Filter filter, Locale locale) {
		return jdbc.sql("select kind, sum(count), sum(amount) from reporting_activity where " + WHERE
				+ " group by kind order by kind")
			.param("from", filter.from().atDay(1))
			.param("to", filter.to().atDay(1))
			.param("scope", filter.region().value())
			.query((row, n) -> new AmountLine(row.getString(1),
					messages.getMessage(label(row.getString(1)), null, row.getString(1), locale), row.getLong(2),
					row.getBigDecimal(3)))
			.list();
	}

	/**
	 * The five breakdowns and the total in one pass over the roll-up ({@code GROUPING SETS}).
	 * @return the lines by breakdown ({@code township}, {@code month}, {@code channel}, {@code cause},
	 * {@code urgency}, {@code total})
	 */
	private Map<String, List<Line>> breakdowns(Filter filter, Map<String, Function<String, String>> labels,
			Locale locale) {
		Map<String, List<Line>> breakdowns = new java.util.LinkedHashMap<>();
		jdbc.sql("select grouping(township, month, channel, cause, urgency), coalesce(township, "
				+ "to_char(month, 'YYYY-MM'), channel, cause, urgency, 'ALL'), " + SUMS + " from reporting_cases where "
				+ WHERE + " group by grouping sets ((township), (month), (channel), (cause), (urgency), ()) order by 1, 2")
			.param("from", filter.from().atDay(1))
			.param("to", filter.to().atDay(1))
			.param("scope", filter.region().value())
			.query((row, n) -> {
				String breakdown = switch (row.getInt(1)) {
					case 0b01111 -> "township";
					case 0b10111 -> "month";
					case 0b11011 -> "channel";
					case 0b11101 -> "cause";
					case 0b11110 -> "urgency";
					default -> "total";
				};
				long[] sums = new long[3 + TimeToAid.BUCKETS];
				for (int i = 0; i < sums.length; i++) {
					sums[i] = row.getLong(3 + i);
				}
				String key = row.getString(2);
				breakdowns.computeIfAbsent(breakdown, name -> new java.util.ArrayList<>())
					.add(line(key, labels.get(breakdown).apply(key), sums, locale));
				return key;
			})
			.list();
		return breakdowns;
	}

	/**
	 * @param sums requests, cases, aided and the aided cases per bucket
	 */
	private Line line(String key, String label, long[] sums, Locale locale) {
		long[] buckets = java.util.Arrays.copyOfRange(sums, 3, sums.length);
		int median = TimeToAid.percentile(buckets, 0.5);
		boolean none = median < 0;
		int medianMinutes = TimeToAid.minutes(median);
		int p90Minutes = TimeToAid.minutes(TimeToAid.percentile(buckets, 0.9));
		return new Line(key, label, sums[0], sums[1], sums[2], medianMinutes, p90Minutes,
				none ? "—" : within(medianMinutes, locale), none ? "—" : within(p90Minutes, locale), none, buckets);
	}

	/**
	 * @return a bucket's upper bound as words: "15 分钟以内", "4 小时以内", "3 天以内", "超过 90 天"
	 */
	private String within(int minutes, Locale locale) {
		TimeToAid.Readable readable = TimeToAid.readable(minutes);
		return messages.getMessage(readable.code(), new Object[] { readable.amount() }, readable.code(), locale);
	}

	private static int urgencyRank(String urgency) {
		int rank = URGENCIES.indexOf(urgency);
		return rank < 0 ? URGENCIES.size() : rank;
	}

	private static String label(String kind) {
		return kind.startsWith("SERVICE_") ? "services.type." + kind.substring(8) : "relief.scheme." + kind;
	}

	private Filter filter(@Nullable String from, @Nullable String to, @Nullable String region, Caller viewer) {
		DivisionCode scope = viewer.regionScope();
		if (scope == null || viewer.roles().stream().noneMatch(VIEWERS::contains) || scope.value().length() > 9) {
			throw new Forbidden("reporting.not-allowed");
		}
		YearMonth now = YearMonth.from(LocalDate.now(clock.withZone(Rollups.CHINA)));
		YearMonth last = month(to, now);
		YearMonth first = month(from, last.minusMonths(11));
		if (first.isAfter(last) || first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
			throw new InvalidInput("reporting.period-invalid", MAX_MONTHS);
		}
		DivisionCode chosen = scope;
		if (region != null && !region.isBlank()) {
			if (!region.strip().matches("\\d{6}|\\d{9}")) {
				throw new InvalidInput("reporting.region-invalid");
			}
			chosen = new DivisionCode(region.strip());
			if (!chosen.value().startsWith(scope.value())) {
				throw new Forbidden("reporting.region-outside-scope");
			}
		}
		return new Filter(first, last, chosen);
	}

	private static YearMonth month(@Nullable String text, YearMonth otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException notAMonth) {
			throw new InvalidInput("reporting.month-invalid");
		}
	}

	private record Filter(YearMonth from, YearMonth to, DivisionCode region) {
	}

	/**
	 * Someone exported figures.
	 */
	record Exported(String what, String format, String region, String from, String to, String by)
			implements AuditableEvent {

		@Override
		public String auditAction() {
			return "reporting.exported";
		}

		@Override
		public String auditSubjectType() {
			return what;
		}

		@Override
		public String auditSubjectId() {
			return region + "/" + from + "/" + to;
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("format", format);
		}

	}

	/**
	 * One row of a breakdown.
	 *
	 * @param key the township code, month, channel, cause or urgency ({@code NOT_RECORDED} for requests and cases
	 * recorded before urgencies were)
	 * @param label its name
	 * @param requests requests received (a request counts under its own urgency)
	 * @param cases cases opened (a case counts under the urgency it was opened with)
	 * @param medianMinutes half of the aided cases got aid within this many minutes (-1: more than 90 days, or none
	 * aided)
	 * @param p90Minutes 90 % of the aided cases got aid within this many minutes (-1: more than 90 days, or none
	 * aided)
	 * @param medianText the median as words in the viewer's language ("15 分钟以内", "4 小时以内", "3 天以内"; "—"
	 * when none was aided)
	 * @param p90Text the 90th percentile as words
	 * @param noneAided whether no case has been aided, so there is no time to aid
	 * @param buckets the aided cases per time bucket (see {@link TimeToAid#BOUNDS})
	 */
	public record Line(String key, String label, long requests, long cases, long aided, int medianMinutes,
			int p90Minutes, String medianText, String p90Text, boolean noneAided, long[] buckets) {
	}

	/**
	 * A unit's referred tasks.
	 *
	 * @param onTimePercent the share of completed tasks done on time, in percent, or -1 when none was completed
	 */
	public record UnitLine(String unit, long referred, long completed, long onTime, long returns, int onTimePercent) {

		static UnitLine of(String unit, long referred, long completed, long onTime, long returns) {
			return new UnitLine(unit, referred, completed, onTime, returns,
					completed == 0 ? -1 : (int) Math.round(100.0 * onTime / completed));
		}

	}

	/**
	 * What one early-warning rule achieved.
	 *
	 * @param rule the rule's code
	 * @param label its name
	 * @param raised warnings raised
	 * @param checked warnings checked
	 * @param needingHelp checks that found need, each opening a help request
	 * @param needingHelpPercent their share of the checks, in percent
	 * @param foundFirst households found by data before anyone applied for them
	 * @param medianDaysToCheck the median days from the signal to the check, if any was checked
	 * @param medianDaysToAid the median days from the signal to aid, if any household was aided
	 */
	public record WarningLine(String rule, String label, long raised, long checked, long needingHelp,
			long needingHelpPercent, long foundFirst, @Nullable Double medianDaysToCheck,
			@Nullable Double medianDaysToAid) {

		static WarningLine of(String rule, String label, WarningFigures.Figures figures) {
			return new WarningLine(rule, label, figures.raised(), figures.checked(), figures.needingHelp(),
					figures.needingHelpPercent(), figures.foundFirst(), figures.medianDaysToCheck(),
					figures.medianDaysToAid());
		}

	}

	/**
	 * What was given under a scheme, or services of a type.
	 */
	public record AmountLine(String kind, String label, long count, BigDecimal amount) {
	}

	/**
	 * The whole dashboard; complaints (by kind, unit complained about and month, answered on time, founded,
	 * satisfied) and the aid recovered are the complaints and relief modules' own counts.
	 */
	public record DashboardView(YearMonth from, YearMonth to, String region, String regionName, Line total,
			List<Line> byTownship, List<Line> byMonth, List<Line> byChannel, List<Line> byCause, List<Line> byUrgency,
			List<UnitLine> units, List<AmountLine> amounts, List<AmountLine> services, List<WarningLine> warnings,
			ComplaintFigures.Figures complaints, Recoveries.Figures recoveries) {

		/**
		 * @return what charities gave (the charity scheme's line), if anything
		 */
		public @Nullable AmountLine charity() {
			return amounts.stream().filter(line -> line.kind().equals("CHARITY")).findFirst().orElse(null);
		}

	}

}
