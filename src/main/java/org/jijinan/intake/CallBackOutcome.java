package org.jijinan.intake;

/**
 * What came of one attempt to call a caller back.
 */
public enum CallBackOutcome {

	/** 已联系上. */
	REACHED,
	/** 未联系上: no answer, busy, switched off. */
	NOT_REACHED

}
