package org.jijinan.timelimits;

import java.util.EnumSet;
import java.util.Set;

/**
 * The time limits a county and its townships set (确定分办、转办流程和时限要求), each counted in the units it allows.
 */
public enum TimeLimit {

	/** 受理时限 for an emergency: from receiving the request to accepting or refusing it. */
	EMERGENCY_ACCEPTANCE(EnumSet.of(LimitUnit.HOURS)),
	/** 受理时限 for any other request. */
	ACCEPTANCE(EnumSet.of(LimitUnit.WORKING_DAYS, LimitUnit.HOURS)),
	/** 转办签收时限: for a department to accept or return a referred task. */
	REFERRAL_ACCEPTANCE(EnumSet.of(LimitUnit.WORKING_DAYS, LimitUnit.HOURS)),
	/** 转办办结时限: the time a referred task is given to finish, unless the referrer gives another. */
	REFERRAL_COMPLETION(EnumSet.of(LimitUnit.WORKING_DAYS)),
	/** 调查核实时限: from opening a case to a proposal. */
	INVESTIGATION(EnumSet.of(LimitUnit.WORKING_DAYS)),
	/** 审批时限: from a proposal to a decision. */
	DECISION(EnumSet.of(LimitUnit.WORKING_DAYS));

	private final Set<LimitUnit> units;

	TimeLimit(Set<LimitUnit> units) {
		this.units = units;
	}

	/**
	 * @return whether the limit may be counted in the unit
	 */
	public boolean countsIn(LimitUnit unit) {
		return units.contains(unit);
	}

}
