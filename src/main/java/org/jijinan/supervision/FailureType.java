package org.jijinan.supervision;

/**
 * What went wrong, in an accountability record (责任追究).
 */
public enum FailureType {

	/** 应受理未受理. */
	NOT_ACCEPTED,
	/** 不当拒绝. */
	WRONGLY_REFUSED,
	/** 相互推诿. */
	BUCK_PASSING,
	/** 办理迟延. */
	LATE,
	/** 泄露信息. */
	DATA_LEAKED,
	/** 篡改记录. */
	RECORD_ALTERED,
	/** 决定不当 (an amount or a decision a complaint found wrong). */
	WRONG_DECISION,
	/** 作风问题 (asked for money, rude, poor service, as a complaint found). */
	MISCONDUCT

}
