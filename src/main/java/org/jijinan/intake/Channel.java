package org.jijinan.intake;

/**
 * How a request reached the platform.
 */
public enum Channel {

	/** 乡镇受理窗口. */
	WINDOW,
	/** 12349 热线. */
	HOTLINE,
	/** 村（社区）救助员、志愿者现场报告. */
	FIELD_REPORT,
	/** 网上申请. */
	ONLINE,
	/** 其他部门转来. */
	DEPARTMENT,
	/** 主动发现（数据预警）: a warning raised from data and confirmed by the worker who checked it. */
	DATA_WARNING

}
