package org.jijinan.monitoring;

/**
 * How a warning was checked.
 */
public enum CheckMethod {

	/** 入户走访. */
	VISIT,
	/** 电话核实. */
	CALL

}
