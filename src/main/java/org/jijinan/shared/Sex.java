package org.jijinan.shared;

/**
 * Sex as recorded in the citizen ID number and the household register (性别).
 */
public enum Sex {

	/** 男. */
	MALE,
	/** 女. */
	FEMALE

}
