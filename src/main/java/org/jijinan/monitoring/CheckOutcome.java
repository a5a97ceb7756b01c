package org.jijinan.monitoring;

/**
 * What a worker found when checking a warning.
 */
public enum CheckOutcome {

	/** 需要救助: a help request is opened on the channel 主动发现（数据预警）. */
	NEEDS_HELP,
	/** 已获救助: the household is already being helped (the reason says by what). */
	ALREADY_HELPED,
	/** 无需救助 (the reason says why). */
	NO_NEED,
	/** 联系不上: tried again by the retry deadline. */
	UNREACHABLE;

	/**
	 * @return the warning's status after a check with this outcome
	 */
	WarningStatus status() {
		return switch (this) {
			case NEEDS_HELP -> WarningStatus.NEEDS_HELP;
			case ALREADY_HELPED -> WarningStatus.ALREADY_HELPED;
			case NO_NEED -> WarningStatus.NO_NEED;
			case UNREACHABLE -> WarningStatus.UNREACHABLE;
		};
	}

}
