package org.jijinan.intake;

/**
 * How soon a request must be acted on.
 */
public enum Urgency {

	/** 紧急: life or safety at risk now. */
	EMERGENCY,
	/** 较急. */
	URGENT,
	/** 一般. */
	NORMAL

}
