package org.jijinan.relief;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a temporary-assistance decision stands: proposed by the case handler (经办), reviewed (审核), then approved or
 * refused (审批); the proposer may withdraw it before it is decided.
 */
public enum DecisionStatus {

	/** 已提出: waits for review. */
	PROPOSED,
	/** 已审核: waits for approval. */
	REVIEWED,
	/** 已批准. */
	APPROVED,
	/** 不予救助: refused with a written reason. */
	REFUSED,
	/** 已撤回. */
	WITHDRAWN;

	private static final Map<DecisionStatus, Set<DecisionStatus>> NEXT = Map.of(
			PROPOSED, EnumSet.of(REVIEWED, REFUSED, WITHDRAWN),
			REVIEWED, EnumSet.of(APPROVED, REFUSED, WITHDRAWN),
			APPROVED, EnumSet.noneOf(DecisionStatus.class),
			REFUSED, EnumSet.noneOf(DecisionStatus.class),
			WITHDRAWN, EnumSet.noneOf(DecisionStatus.class));

	/**
	 * @return whether a decision may go there from here
	 */
	public boolean canMoveTo(DecisionStatus target) {
		return NEXT.get(this).contains(target);
	}

	/**
	 * @return whether it is still waiting for someone
	 */
	public boolean pending() {
		return this == PROPOSED || this == REVIEWED;
	}

}
