package org.jijinan.intake;

/**
 * What makes a request urgent, as an applicant can say it in plain words. Any of them puts the request on the
 * emergency clock and alerts the township at once.
 */
public enum UrgentNeed {

	/** 无处居住. */
	NO_SHELTER,
	/** 无饭吃. */
	NO_FOOD,
	/** 有生命危险. */
	LIFE_AT_RISK,
	/** 重病无钱医治. */
	ILL_WITHOUT_MEANS

}
