package org.jijinan.monitoring;

/**
 * Where a warning stands. Open and unreachable warnings wait for a check; the others are settled.
 */
public enum WarningStatus {

	/** 待核实. */
	OPEN,
	/** 联系不上，待再次核实. */
	UNREACHABLE,
	/** 已核实：需要救助. */
	NEEDS_HELP,
	/** 已核实：已获救助. */
	ALREADY_HELPED,
	/** 已核实：无需救助. */
	NO_NEED,
	/** 已撤销: the only signals behind it were withdrawn before anyone checked it. */
	WITHDRAWN;

	/**
	 * @return whether the warning still waits for a check
	 */
	public boolean awaitsCheck() {
		return this == OPEN || this == UNREACHABLE;
	}

}
