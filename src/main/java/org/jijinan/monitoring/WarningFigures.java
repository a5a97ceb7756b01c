package org.jijinan.monitoring;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each rule achieved in a region over a period: warnings raised, the share the check confirmed as needing help,
 * the median days from the signal to the check and to aid, and the households found by data before anyone applied.
 */
@Component
public class WarningFigures {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final Clock clock;

	WarningFigures(JdbcClient jdbc, RegionDirectory regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * @param county the county's six-digit code
	 * @return the figures of each rule that raised a warning in the county in the last twelve months
	 */
	@Transactional(readOnly = true)
	public Map<RuleCode, Figures> lastYear(String county) {
		LocalDate today = LocalDate.now(clock.withZone(Warnings.COUNTY_ZONE));
		return byRule(new DivisionCode(county), today.minusMonths(12), today.plusDays(1));
	}

	/**
	 * @param region a county or township (or any region above them)
	 * @param from the first day warnings were raised on
	 * @param until the day after the last
	 * @return the figures of each rule that raised a warning there in the period; withdrawn warnings are not counted
	 */
	@Transactional(readOnly = true)
	public Map<RuleCode, Figures> byRule(DivisionCode region, LocalDate from, LocalDate until) {
		Map<RuleCode, Figures> figures = new EnumMap<>(RuleCode.class);
		jdbc.sql("""
				select rule_code, count(*), count(checked_at), count(*) filter (where status = 'NEEDS_HELP'),
				       count(*) filter (where found_first),
				       percentile_cont(0.5) within group (order by (checked_at at time zone 'Asia/Shanghai')::date
				                                                   - first_signal_on),
				       percentile_cont(0.5) within group (order by (aided_at at time zone 'Asia/Shanghai')::date
				                                                   - first_signal_on)
				  from monitoring_warning
				 where residence_path like :region and status <> 'WITHDRAWN'
				   and raised_at >= :from and raised_at < :until
				 group by rule_code""")
			.param("region", regions.path(region) + "%")
			.param("from", Timestamp.from(from.atStartOfDay(Warnings.COUNTY_ZONE).toInstant()))
			.param("until", Timestamp.from(until.atStartOfDay(Warnings.COUNTY_ZONE).toInstant()))
			.query((row, n) -> figures.put(RuleCode.valueOf(row.getString(1)),
					new Figures(row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), days(row.getObject(6)),
							days(row.getObject(7)))))
			.list();
		return figures;
	}

	private static @Nullable Double days(@Nullable Object median) {
		return median == null ? null : ((Number) median).doubleValue();
	}

	/**
	 * One rule's results.
	 *
	 * @param raised warnings raised
	 * @param checked warnings checked
	 * @param needingHelp checks that found need (each opened a help request)
	 * @param foundFirst of those, the households nobody had asked help for: found by data before anyone applied
	 * @param medianDaysToCheck median days from the signal to the check
	 * @param medianDaysToAid median days from the signal to the first aid after it
	 */
	public record Figures(long raised, long checked, long needingHelp, long foundFirst, @Nullable Double medianDaysToCheck,
			@Nullable Double medianDaysToAid) {

		/**
		 * @return the share of checked warnings that found need, in percent
		 */
		public long needingHelpPercent() {
			return checked == 0 ? 0 : Math.round(100.0 * needingHelp / checked);
		}

	}

}
