package org.jijinan.people;

/**
 * The personal values a screen shows masked and can reveal to a role that may see them.
 */
public enum RevealableField {

	/** 公民身份号码. */
	ID_NUMBER,
	/** 联系电话. */
	PHONE

}
