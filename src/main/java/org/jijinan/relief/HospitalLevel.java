package org.jijinan.relief;

/**
 * The level of the hospital a patient is admitted to; basic insurance pays by it.
 */
public enum HospitalLevel {

	/** 一级及以下（乡镇卫生院）. */
	PRIMARY,
	/** 二级（县级医院）. */
	SECONDARY,
	/** 三级. */
	TERTIARY

}
