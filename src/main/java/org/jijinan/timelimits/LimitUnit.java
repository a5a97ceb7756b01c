package org.jijinan.timelimits;

/**
 * What a time limit is counted in.
 */
public enum LimitUnit {

	/** 工作日: counted on the working-day calendar, from the start to the same time of the last working day. */
	WORKING_DAYS(60),
	/** 小时: hours on the clock. */
	HOURS(168);

	private final int most;

	LimitUnit(int most) {
		this.most = most;
	}

	/**
	 * @return the longest limit the platform accepts in this unit
	 */
	public int most() {
		return most;
	}

}
