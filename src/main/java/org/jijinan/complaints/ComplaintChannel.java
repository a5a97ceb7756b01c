package org.jijinan.complaints;

/**
 * Where a complaint came in.
 */
public enum ComplaintChannel {

	/** 网上（公众页面）. */
	ONLINE,
	/** 12349 热线. */
	HOTLINE,
	/** 窗口. */
	WINDOW,
	/** 来信，由工作人员录入. */
	LETTER,
	/** 合作系统接口. */
	PARTNER

}
