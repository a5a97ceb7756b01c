package org.jijinan.complaints;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DivisionCode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What complaints show about a region over a period: how many came in, by kind, by unit complained about and by
 * month; how many were answered on time, found true, and left the complainant satisfied. Counts only: nobody reads a
 * complaint here, so the units complained about may see their own figures.
 */
@Service
public class ComplaintFigures {

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	ComplaintFigures(JdbcClient jdbc, RegionDirectory regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/**
	 * @param region the region whose complaints count: those about its units, or about none in its county
	 * @param from the first day
	 * @param until the day after the last
	 */
	@Transactional(readOnly = true)
	public Figures of(DivisionCode region, LocalDate from, LocalDate until) {
		String path = regions.path(region);
		Timestamp start = Timestamp.from(from.atStartOfDay(WorkingDayCalendar.COUNTY).toInstant());
		Timestamp end = Timestamp.from(until.atStartOfDay(WorkingDayCalendar.COUNTY).toInstant());
		long[] totals = jdbc.sql("""
				select count(*),
				       count(*) filter (where exists (select 1 from complaints_answer a where a.complaint_id = c.id)),
				       count(*) filter (where exists (select 1 from complaints_answer a
				                                       where a.complaint_id = c.id and a.level = 1 and a.on_time)),
				       count(*) filter (where exists (select 1 from complaints_answer a
				                                       where a.complaint_id = c.id and a.level = c.level
				                                         and a.finding <> 'UNFOUNDED')),
				       count(*) filter (where exists (select 1 from complaints_answer a
				                                       where a.complaint_id = c.id and a.satisfied is not null)),
				       count(*) filter (where exists (select 1 from complaints_answer a
				                                       where a.complaint_id = c.id and a.satisfied)
				                          and not exists (select 1 from complaints_answer a
				                                           where a.complaint_id = c.id and a.satisfied = false))
				  from complaints_complaint c
				 where c.subject_path like :path || '%' and c.received_at >= :from and c.received_at < :until""")
			.param("path", path)
			.param("from", start)
			.param("until", end)
			.query((row, n) -> new long[] { row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
					row.getLong(5), row.getLong(6) })
			.single();
		return new Figures(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5],
				counts("kind", path, start, end), byUnit(path, start, end),
				counts("to_char(received_at at time zone 'Asia/Shanghai', 'YYYY-MM')", path, start, end));
	}

	private List<Count> counts(String key, String path, Timestamp from, Timestamp until) {
		return jdbc.sql("select " + key + ", count(*) from complaints_complaint"
				+ " where subject_path like :path || '%' and received_at >= :from and received_at < :until"
				+ " group by 1 order by 1")
			.param("path", path)
			.param("from", from)
			.param("until", until)
			.query((row, n) -> new Count(row.getString(1), row.getLong(2)))
			.list();
	}

	private List<UnitCount> byUnit(String path, Timestamp from, Timestamp until) {
		return jdbc.sql("""
				select coalesce(c.subject_unit_name, ''), count(*),
				       count(*) filter (where exists (select 1 from complaints_answer a
				                                       where a.complaint_id = c.id and a.level = c.level
				                                         and a.finding <> 'UNFOUNDED'))
				  from complaints_complaint c
				 where c.subject_path like :path || '%' and c.received_at >= :from and c.received_at < :until
				 group by 1 order by 2 desc, 1""")
			.param("path", path)
			.param("from", from)
			.param("until", until)
			.query((row, n) -> new UnitCount(row.getString(1), row.getLong(2), row.getLong(3)))
			.list();
	}

	/**
	 * A region's complaints over a period.
	 *
	 * @param received how many came in
	 * @param answered how many were answered
	 * @param answeredOnTime how many got their first answer by its due time
	 * @param founded how many were found (at least partly) true
	 * @param rated how many complainants said whether they were satisfied
	 * @param satisfied how many were satisfied with every answer they rated
	 * @param byKind received, by kind (a {@link ComplaintKind} name)
	 * @param byUnit received and founded, by unit complained about (empty name: no unit named)
	 * @param byMonth received, by month ({@code 2026-12})
	 */
	public record Figures(long received, long answered, long answeredOnTime, long founded, long rated, long satisfied,
			List<Count> byKind, List<UnitCount> byUnit, List<Count> byMonth) {

		/**
		 * @return the share answered on time, in percent, or -1 when none was answered
		 */
		public long onTimePercent() {
			return answered == 0 ? -1 : Math.round(100.0 * answeredOnTime / answered);
		}

		/**
		 * @return the share found true, in percent, or -1 when none was answered
		 */
		public long foundedPercent() {
			return answered == 0 ? -1 : Math.round(100.0 * founded / answered);
		}

		/**
		 * @return the share satisfied of those who said, in percent, or -1 when nobody said
		 */
		public long satisfiedPercent() {
			return rated == 0 ? -1 : Math.round(100.0 * satisfied / rated);
		}

	}

	/**
	 * @param key what is counted by
	 * @param count how many
	 */
	public record Count(String key, long count) {
	}

	/**
	 * @param unit the unit complained about (empty: none named)
	 * @param received how many complaints about it came in
	 * @param founded how many were found true
	 */
	public record UnitCount(String unit, long received, long founded) {
	}

}
