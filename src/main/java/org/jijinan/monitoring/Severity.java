package org.jijinan.monitoring;

/**
 * How grave a warning is (红/橙/黄); it sets the working days the check may take.
 */
public enum Severity {

	/** 红色预警. */
	RED,
	/** 橙色预警. */
	ORANGE,
	/** 黄色预警. */
	YELLOW;

	/**
	 * @return the working days to check a warning of this severity, as the county set them
	 */
	int checkWorkingDays(MonitoringSettings settings) {
		return switch (this) {
			case RED -> settings.redWorkingDays();
			case ORANGE -> settings.orangeWorkingDays();
			case YELLOW -> settings.yellowWorkingDays();
		};
	}

}
