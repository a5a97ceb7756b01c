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
	COMPLETED;

	private static final Map<TaskStatus, Set<TaskStatus>> NEXT = Map.of(REFERRED, EnumSet.of(ACCEPTED, RETURNED),
			ACCEPTED, EnumSet.of(COMPLETED, RETURNED), RETURNED, EnumSet.of(REFERRED), COMPLETED,
			EnumSet.noneOf(TaskStatus.class));

	/**
	 * @param target where to go
	 * @return whether the task may go there from here
	 */
	public boolean canMoveTo(TaskStatus target) {
		return NEXT.get(this).contains(target);
	}

}
