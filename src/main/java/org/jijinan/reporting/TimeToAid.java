package org.jijinan.reporting;

import java.time.Duration;
import java.util.List;

/**
 * Times from first contact to first aid, counted in buckets. A percentile is read by nearest rank: the {@code p}
 * percentile of {@code n} cases is the upper bound of the bucket holding the {@code ceil(p × n)}-th fastest case —
 * "90 % of the people got aid within 8 hours". Buckets are fine where it matters (the first day) and coarse later.
 */
final class TimeToAid {

	/** Upper bounds of the buckets, in hours; the last bucket holds everything longer. */
	static final List<Integer> BOUNDS = List.of(1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 480, 720, 1080, 1440,
			2160);

	static final int BUCKETS = BOUNDS.size() + 1;

	private TimeToAid() {
	}

	/**
	 * @return the bucket of a time to aid (a negative time counts as none)
	 */
	static int bucket(Duration toAid) {
		long minutes = Math.max(0, toAid.toMinutes());
		for (int i = 0; i < BOUNDS.size(); i++) {
			if (minutes <= BOUNDS.get(i) * 60L) {
				return i;
			}
		}
		return BOUNDS.size();
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
	 * @return the bucket's upper bound in hours, or -1 for the last (more than 90 days)
	 */
	static int hours(int bucket) {
		return bucket < 0 || bucket >= BOUNDS.size() ? -1 : BOUNDS.get(bucket);
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

}
