package org.jijinan.region;

/**
 * The tier of an administrative division and the shape of its code.
 */
public enum DivisionLevel {

	/** 省级. */
	PROVINCE(6),
	/** 地级 (市、州). */
	PREFECTURE(6),
	/** 县级. */
	COUNTY(6),
	/** 乡级 (乡、镇、街道, 农牧场). */
	TOWNSHIP(9),
	/** 村级 (村委会、社区). */
	VILLAGE(12);

	private final int codeLength;

	DivisionLevel(int codeLength) {
		this.codeLength = codeLength;
	}

	/**
	 * @return the number of digits a code of this level has
	 */
	public int codeLength() {
		return codeLength;
	}

	/**
	 * @return the level directly above, or {@code null} for a province
	 */
	DivisionLevel parentLevel() {
		return this == PROVINCE ? null : values()[ordinal() - 1];
	}

}
