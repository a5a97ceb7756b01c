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

import org.jijinan.intake.HardshipCause;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.region.RegionDirectory;
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
 * was slow. Reads only the roll-ups, so its cost depends on the number of townships, months, channels and causes,
 * not on the number of cases.
 */
@Service
public class Dashboard {

	static final Set<String> VIEWERS = Set.of("LEADER", "SUPERVISOR", "COUNTY_REVIEWER", "COUNTY_APPROVER",
			"TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "ADMINISTRATOR");

	private static final int MAX_MONTHS = 60;

	private static final String SUMS = "sum(requests), sum(cases), sum(aided), " + TimeToAid.columns("sum(")
		.replace(", ", "), ") + ")";

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final IntakeDesk intake;

	private final MessageSource messages;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Dashboard(JdbcClient jdbc, RegionDirectory regions, IntakeDesk intake, MessageSource messages, Clock clock,
			ApplicationEventPublisher events) {
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
				code -> causeNames.getOrDefault(code, code), "total",
				code -> messages.getMessage("reporting.total", null, "Total", locale));
		Map<String, List<Line>> breakdowns = breakdowns(filter, labels);
		List<Line> townships = breakdowns.getOrDefault("township", List.of());
		List<Line> months = breakdowns.getOrDefault("month", List.of());
		List<Line> channels = breakdowns.getOrDefault("channel", List.of());
		List<Line> causes = breakdowns.getOrDefault("cause", List.of());
		Line total = breakdowns.getOrDefault("total", List.of(line("ALL", labels.get("total").apply("ALL"),
				new long[3 + TimeToAid.BUCKETS]))).get(0);
		List<UnitLine> units = units(filter);
		List<AmountLine> activity = activity(filter, locale);
		return new DashboardView(filter.from(), filter.to(), scope,
				regions.find(filter.region()).map(division -> division.name()).orElse(scope), total, townships, months,
				channels, causes, units,
				activity.stream().filter(line -> !line.kind().startsWith("SERVICE_")).toList(),
				activity.stream().filter(line -> line.kind().startsWith("SERVICE_")).toList());
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
				+ " where " + WHERE + " group by unit_id, unit_name order by sum(referred) desc, unit_name")
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
	 * The four breakdowns and the total in one pass over the roll-up ({@code GROUPING SETS}).
	 * @return the lines by breakdown ({@code township}, {@code month}, {@code channel}, {@code cause}, {@code total})
	 */
	private Map<String, List<Line>> breakdowns(Filter filter, Map<String, Function<String, String>> labels) {
		Map<String, List<Line>> breakdowns = new java.util.LinkedHashMap<>();
		jdbc.sql("select grouping(township, month, channel, cause), coalesce(township, to_char(month, 'YYYY-MM'), "
				+ "channel, cause, 'ALL'), " + SUMS + " from reporting_cases where " + WHERE
				+ " group by grouping sets ((township), (month), (channel), (cause), ()) order by 1, 2")
			.param("from", filter.from().atDay(1))
			.param("to", filter.to().atDay(1))
			.param("scope", filter.region().value())
			.query((row, n) -> {
				String breakdown = switch (row.getInt(1)) {
					case 0b0111 -> "township";
					case 0b1011 -> "month";
					case 0b1101 -> "channel";
					case 0b1110 -> "cause";
					default -> "total";
				};
				long[] sums = new long[3 + TimeToAid.BUCKETS];
				for (int i = 0; i < sums.length; i++) {
					sums[i] = row.getLong(3 + i);
				}
				String key = row.getString(2);
				breakdowns.computeIfAbsent(breakdown, name -> new java.util.ArrayList<>())
					.add(line(key, labels.get(breakdown).apply(key), sums));
				return key;
			})
			.list();
		return breakdowns;
	}

	/**
	 * @param sums requests, cases, aided and the aided cases per bucket
	 */
	private static Line line(String key, String label, long[] sums) {
		long[] buckets = java.util.Arrays.copyOfRange(sums, 3, sums.length);
		int median = TimeToAid.percentile(buckets, 0.5);
		return new Line(key, label, sums[0], sums[1], sums[2], TimeToAid.hours(median),
				TimeToAid.hours(TimeToAid.percentile(buckets, 0.9)), median < 0, buckets);
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
	 * @param key the township code, month, channel or cause
	 * @param label its name
	 * @param medianHours half of the aided cases got aid within this many hours (-1: more than 90 days)
	 * @param p90Hours 90 % of the aided cases got aid within this many hours (-1: more than 90 days)
	 * @param noneAided whether no case has been aided, so there is no time to aid
	 * @param buckets the aided cases per time bucket
	 */
	public record Line(String key, String label, long requests, long cases, long aided, int medianHours, int p90Hours,
			boolean noneAided, long[] buckets) {
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
	 * What was given under a scheme, or services of a type.
	 */
	public record AmountLine(String kind, String label, long count, BigDecimal amount) {
	}

	/**
	 * The whole dashboard.
	 */
	public record DashboardView(YearMonth from, YearMonth to, String region, String regionName, Line total,
			List<Line> byTownship, List<Line> byMonth, List<Line> byChannel, List<Line> byCause, List<UnitLine> units,
			List<AmountLine> amounts, List<AmountLine> services) {

		/**
		 * @return what charities gave (the charity scheme's line), if anything
		 */
		public @Nullable AmountLine charity() {
			return amounts.stream().filter(line -> line.kind().equals("CHARITY")).findFirst().orElse(null);
		}

	}

}
