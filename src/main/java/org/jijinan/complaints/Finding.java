package org.jijinan.complaints;

/**
 * What the handler's investigation found (调查结论).
 */
public enum Finding {

	/** 属实. */
	FOUNDED,
	/** 部分属实. */
	PARTLY,
	/** 不属实. */
	UNFOUNDED;

	/**
	 * @return whether the complaint was at least partly true
	 */
	public boolean founded() {
		return this != UNFOUNDED;
	}

}
