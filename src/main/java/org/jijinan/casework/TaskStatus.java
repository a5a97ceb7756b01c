package org.jijinan.casework;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a referred task stands. The referring owner stays responsible until the receiving unit accepts (签收); a
 * returned task (退回) goes back to the referrer, who refers it again, to the same or another unit.
 */
public enum TaskStatus {

	/** 已转办: waiting for the receiving unit to accept or return it. */
	REFERRED,
	/** 已签收: the receiving unit is working on it. */
	ACCEPTED,
	/** 已退回: the receiving unit gave it back with a reason. */
	RETURNED,
	/** 已办结: done, with a result. */
	COMPLETED,
	/** 已撤回: its case ended before it was done; the unit sees why. */
	WITHDRAWN;

	private static final Map<TaskStatus, Set<TaskStatus>> NEXT = Map.of(REFERRED,
			EnumSet.of(ACCEPTED, RETURNED, WITHDRAWN), ACCEPTED, EnumSet.of(COMPLETED, RETURNED, WITHDRAWN), RETURNED,
			EnumSet.of(REFERRED, WITHDRAWN), COMPLETED, EnumSet.noneOf(TaskStatus.class), WITHDRAWN,
			EnumSet.noneOf(TaskStatus.class));

	/**
	 * @param target where to go
	 * @return whether the task may go there from here
	 */
	public boolean canMoveTo(TaskStatus target) {
		return NEXT.get(this).contains(target);
	}

	/**
	 * @return whether somebody still owes something on the task (the unit, or the referrer of a returned one)
	 */
	public boolean open() {
		return this == REFERRED || this == ACCEPTED || this == RETURNED;
	}

}
