package org.jijinan.complaints;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a complaint stands: received, acknowledged by its handler, answered; the complainant then closes it
 * (satisfied, or without saying within the time given) or, unsatisfied with a first answer, escalates it to the level
 * above, whose answer is final.
 */
public enum ComplaintStatus {

	/** 已登记，待签收. */
	RECEIVED,
	/** 已签收，调查处理中. */
	ACKNOWLEDGED,
	/** 已答复. */
	ANSWERED,
	/** 不满意，已提交上一级. */
	ESCALATED,
	/** 已办结. */
	CLOSED;

	private static final Map<ComplaintStatus, Set<ComplaintStatus>> NEXT = Map.of(
			RECEIVED, EnumSet.of(ACKNOWLEDGED),
			ACKNOWLEDGED, EnumSet.of(ANSWERED),
			ANSWERED, EnumSet.of(ESCALATED, CLOSED),
			ESCALATED, EnumSet.of(ACKNOWLEDGED),
			CLOSED, EnumSet.noneOf(ComplaintStatus.class));

	/**
	 * @param target where to go
	 * @return whether a complaint may go there from here
	 */
	public boolean canMoveTo(ComplaintStatus target) {
		return NEXT.get(this).contains(target);
	}

	/**
	 * @return whether the handler still owes something (an acknowledgement or an answer)
	 */
	public boolean owed() {
		return this == RECEIVED || this == ACKNOWLEDGED || this == ESCALATED;
	}

}
