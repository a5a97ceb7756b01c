package org.jijinan.timelimits;

/**
 * A time limit's length.
 *
 * @param amount how many
 * @param unit of what
 */
public record Limit(int amount, LimitUnit unit) {

	/**
	 * @return the limit in working days
	 */
	public static Limit workingDays(int amount) {
		return new Limit(amount, LimitUnit.WORKING_DAYS);
	}

	/**
	 * @return the limit in hours
	 */
	public static Limit hours(int amount) {
		return new Limit(amount, LimitUnit.HOURS);
	}

}
