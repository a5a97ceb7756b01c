package org.jijinan.reporting;

import java.time.Duration;
import java.util.List;

/**
 * Times from first contact to first aid, counted in buckets. A percentile is read by nearest rank: the {@code p}
 * percentile of {@code n} cases is the upper bound of the bucket holding the {@code ceil(p × n)}-th fastest case —
 * "90 % of the people got aid within 8 hours". Buckets are fine where it matters (the first minutes and the first
 * day) and coarse later, so aid in a few minutes and aid in an hour do not look the same.
 */
final class TimeToAid {

	/**
	 * Upper bounds of the buckets, in minutes: 5, 15 and 30 minutes; 1, 2, 4, 8 and 12 hours; 1, 2, 3, 5, 7, 10, 15,
	 * 20, 30, 45, 60 and 90 days. The last bucket holds everything longer.
	 */
	static final List<Integer> BOUNDS = List.of(5, 15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 7200, 10080,
			14400, 21600, 28800, 43200, 64800, 86400, 129600);

	static final int BUCKETS = BOUNDS.size() + 1;

	private static final int MINUTES_PER_HOUR = 60;

	private static final int MINUTES_PER_DAY = 1440;

	private TimeToAid() {
	}

	/**
	 * @return the bucket of a time to aid (a negative time counts as none); whole minutes, as
	 * {@link Duration#toMinutes()} counts them
	 */
	static int bucket(Duration toAid) {
		long minutes = Math.max(0, toAid.toMinutes());
		for (int i = 0; i < BOUNDS.size(); i++) {
			if (minutes <= BOUNDS.get(i)) {
				return i;
			}
		}
		return BOUNDS.size();
	}

	/**
	 * The same bucket as {@link #bucket(Duration)}, computed by the database, for rebuilding the roll-up.
	 * @param from a {@code timestamptz} expression, the first contact
	 * @param to a {@code timestamptz} expression, the first aid
	 * @return a SQL expression giving the bucket number
	 */
	static String bucketSql(String from, String to) {
		String minutes = "greatest(0, floor(extract(epoch from (" + to + ") - (" + from + ")) / 60))";
		StringBuilder sql = new StringBuilder("case");
		for (int i = 0; i < BOUNDS.size(); i++) {
			sql.append(" when ").append(minutes).append(" <= ").append(BOUNDS.get(i)).append(" then ").append(i);
		}
		return sql.append(" else ").append(BOUNDS.size()).append(" end").toString();
	}

	/**
	 * @param counts cases per bucket
	 * @param p the percentile, such as 0.5 or 0.9
	 * @return the bucket holding it, or -1 when there are no cases
	 */
	static int percentile(long[] counts, double p) {
		long total = 0;
		for (long count : counts) {
			total += count;
		}
		if (total == 0) {
			return -1;
		}
		long rank = (long) Math.ceil(p * total);
		long seen = 0;
		for (int i = 0; i < counts.length; i++) {
			seen += counts[i];
			if (seen >= rank) {
				return i;
			}
		}
		return counts.length - 1;
	}

	/**
	 * @return the bucket's upper bound in minutes, or -1 for the last (more than 90 days) and for none
	 */
	static int minutes(int bucket) {
		return bucket < 0 || bucket >= BOUNDS.size() ? -1 : BOUNDS.get(bucket);
	}

	/**
	 * @param minutes an upper bound from {@link #minutes(int)}
	 * @return how to say it: the message code ({@code reporting.within-minutes}, {@code -hours}, {@code -days} or
	 * {@code reporting.over-90-days}) and the number for it, in the largest unit that divides it
	 */
	static Readable readable(int minutes) {
		if (minutes < 0) {
			return new Readable("reporting.over-90-days", 90);
		}
		if (minutes >= MINUTES_PER_DAY && minutes % MINUTES_PER_DAY == 0) {
			return new Readable("reporting.within-days", minutes / MINUTES_PER_DAY);
		}
		if (minutes >= MINUTES_PER_HOUR && minutes % MINUTES_PER_HOUR == 0) {
			return new Readable("reporting.within-hours", minutes / MINUTES_PER_HOUR);
		}
		return new Readable("reporting.within-minutes", minutes);
	}

	/**
	 * @return {@code b00, b01, …} for SQL
	 */
	static String columns(String prefix) {
		StringBuilder columns = new StringBuilder();
		for (int i = 0; i < BUCKETS; i++) {
			columns.append(i == 0 ? "" : ", ").append(prefix).append(column(i));
		}
		return columns.toString();
	}

	static String column(int bucket) {
		if (bucket < 0 || bucket >= BUCKETS) {
			throw new IllegalArgumentException("no bucket " + bucket);
		}
		return String.format("b%02d", bucket);
	}

	/**
	 * A time bound as words: a message code and its number.
	 */
	record Readable(String code, int amount) {
	}

}
