package org.jijinan.relief;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reached households in an area in a month, from the assistance chain (reversed grants left out): households
 * helped and money (cash and goods at their value) by township and scheme, with the totals counted once per
 * household. For publishing how funds were used (Order 649 art. 62); nobody is named.
 */
@Service
public class AidTotals {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** The schemes shown on their own; departments' schemes are shown together. */
	public static final List<String> SCHEMES = List.of("TEMPORARY", "EMERGENCY", "MEDICAL", "CHARITY", "DEPARTMENT");

	private final JdbcClient jdbc;

	AidTotals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param areaPath the county's region path
	 * @return one line per township and scheme, per township (scheme {@code null}), per scheme (township
	 * {@code null}) and for the whole area (both {@code null})
	 */
	@Transactional(readOnly = true)
	public List<AidTotal> ofMonth(String areaPath, YearMonth month) {
		return jdbc.sql("""
				select split_part(township_path, '/', 5) as township,
				       case when scheme in ('TEMPORARY', 'EMERGENCY', 'MEDICAL', 'CHARITY') then scheme
				            else 'DEPARTMENT' end as scheme,
				       count(distinct coalesce(household_id, person_id)) as households,
				       coalesce(sum(amount + goods_value), 0) as amount
				  from relief_assistance
				 where township_path like :area and reversed_at is null and granted_at >= :from and granted_at < :to
				 group by grouping sets ((1, 2), (1), (2), ())""")
			.param("area", areaPath + "%")
			.param("from", Timestamp.from(month.atDay(1).atStartOfDay(CHINA).toInstant()))
			.param("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant()))
			.query((row, n) -> new AidTotal(row.getString("township"), row.getString("scheme"),
					row.getLong("households"), Money.fen(row.getBigDecimal("amount"))))
			.list();
	}

	/**
	 * @param township the township's division code; {@code null} for all townships
	 * @param scheme the scheme (one of {@link #SCHEMES}); {@code null} for all schemes
	 * @param households households helped, each counted once
	 * @param amount cash and goods at their value
	 */
	public record AidTotal(@Nullable String township, @Nullable String scheme, long households, BigDecimal amount) {
	}

}
