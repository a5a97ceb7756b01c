package org.jijinan.monitoring;

import java.util.EnumMap;
import java.util.Map;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each rule achieved in a county over the last twelve months: warnings raised, the share the check confirmed as
 * needing help, the median days from the signal to the check and to aid, and the households found by data.
 */
@Component
public class WarningFigures {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	WarningFigures(JdbcClient jdbc, RegionDirectory regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/**
	 * @param county the county's six-digit code
	 * @return the figures of each rule that raised a warning
	 */
	@Transactional(readOnly = true)
	public Map<RuleCode, Figures> byRule(String county) {
		Map<RuleCode, Figures> figures = new EnumMap<>(RuleCode.class);
		jdbc.sql("""
				select rule_code, count(*), count(checked_at), count(*) filter (where status = 'NEEDS_HELP'),
				       percentile_cont(0.5) within group (order by (checked_at at time zone 'Asia/Shanghai')::date
				                                                   - first_signal_on),
				       percentile_cont(0.5) within group (order by (aided_at at time zone 'Asia/Shanghai')::date
				                                                   - first_signal_on)
				  from monitoring_warning
				 where residence_path like :county and raised_at >= now() - interval '12 months'
				 group by rule_code""")
			.param("county", regions.path(new DivisionCode(county)) + "%")
			.query((row, n) -> figures.put(RuleCode.valueOf(row.getString(1)),
					new Figures(row.getLong(2), row.getLong(3), row.getLong(4), days(row.getObject(5)),
							days(row.getObject(6)))))
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
	 * @param needingHelp checks that found need (each opened a help request: households found by data)
	 * @param medianDaysToCheck median days from the signal to the check
	 * @param medianDaysToAid median days from the signal to the first aid after it
	 */
	public record Figures(long raised, long checked, long needingHelp, @Nullable Double medianDaysToCheck,
			@Nullable Double medianDaysToAid) {

		/**
		 * @return the share of checked warnings that found need, in percent
		 */
		public long needingHelpPercent() {
			return checked == 0 ? 0 : Math.round(100.0 * needingHelp / checked);
		}

	}

}
