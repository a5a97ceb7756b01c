package org.jijinan.casework;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a case stands (docs/casework.md has the diagram). A case is opened when a township accepts a request,
 * investigated, decided, delivered and followed up before it is closed; until a decision it may be withdrawn, and
 * until the investigation ends it may be transferred to the jurisdiction responsible.
 */
public enum CaseStatus {

	/** 已立案: opened from an accepted request, investigation not started. */
	OPEN,
	/** 调查核实: household visit, economic-status check, evaluation, public notice. */
	INVESTIGATING,
	/** 待审批: a proposal waits for review and approval. */
	AWAITING_DECISION,
	/** 已审批: aid granted (or refused, then closed). */
	DECIDED,
	/** 救助实施: cash, goods or services being delivered. */
	DELIVERING,
	/** 跟踪回访: checking that the crisis is over. */
	FOLLOW_UP,
	/** 已结案. */
	CLOSED,
	/** 已撤回: the applicant withdrew or the need disappeared before a decision. */
	WITHDRAWN,
	/** 已移交: handed to the jurisdiction responsible. */
	TRANSFERRED;

	private static final Map<CaseStatus, Set<CaseStatus>> NEXT = Map.of(
			OPEN, EnumSet.of(INVESTIGATING, WITHDRAWN, TRANSFERRED),
			INVESTIGATING, EnumSet.of(AWAITING_DECISION, WITHDRAWN, TRANSFERRED),
			AWAITING_DECISION, EnumSet.of(INVESTIGATING, DECIDED, WITHDRAWN),
			DECIDED, EnumSet.of(DELIVERING, CLOSED),
			DELIVERING, EnumSet.of(FOLLOW_UP, CLOSED),
			FOLLOW_UP, EnumSet.of(CLOSED, DELIVERING),
			CLOSED, EnumSet.noneOf(CaseStatus.class),
			WITHDRAWN, EnumSet.noneOf(CaseStatus.class),
			TRANSFERRED, EnumSet.noneOf(CaseStatus.class));

	/**
	 * @param target where to go
	 * @return whether the case may go there from here
	 */
	public boolean canMoveTo(CaseStatus target) {
		return NEXT.get(this).contains(target);
	}

	/**
	 * @return the statuses reachable from here, in declaration order
	 */
	public Set<CaseStatus> next() {
		Set<CaseStatus> next = EnumSet.noneOf(CaseStatus.class);
		next.addAll(NEXT.get(this));
		return next;
	}

	/**
	 * @return whether the case is still being worked on
	 */
	public boolean open() {
		return !NEXT.get(this).isEmpty();
	}

	/**
	 * @return whether leaving for this status needs a written note (withdrawal, transfer, closing)
	 */
	public boolean needsNote() {
		return this == WITHDRAWN || this == TRANSFERRED || this == CLOSED;
	}

}
