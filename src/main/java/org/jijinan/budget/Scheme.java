package org.jijinan.budget;

/**
 * What a budget is for.
 */
public enum Scheme {

	/** 临时救助. */
	TEMPORARY_ASSISTANCE,
	/** 医疗救助. */
	MEDICAL_ASSISTANCE,
	/** 备用金补充: top-ups of the townships' reserve funds for emergency aid. */
	RESERVE_TOP_UP,
	/** 政府购买服务. */
	PURCHASED_SERVICES

}
