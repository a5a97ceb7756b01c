package org.jijinan.relief;

/**
 * What someone may do with a pending decision: review it (审核), approve it (审批), refuse it (不予救助) or, as its
 * proposer, withdraw it.
 */
public enum DecisionAction {

	REVIEW, APPROVE, REFUSE, WITHDRAW

}
