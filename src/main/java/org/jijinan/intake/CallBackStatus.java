package org.jijinan.intake;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a call-back (回电) stands. An unanswered attempt leaves it owed; it closes when the caller was reached, or as
 * not reached once the attempts the county allows were made.
 */
public enum CallBackStatus {

	/** 待回电. */
	OWED,
	/** 已联系上. */
	REACHED,
	/** 未能联系上: every attempt allowed went unanswered. */
	UNREACHED;

	private static final Map<CallBackStatus, Set<CallBackStatus>> NEXT = Map.of(OWED, EnumSet.of(REACHED, UNREACHED),
			REACHED, EnumSet.noneOf(CallBackStatus.class), UNREACHED, EnumSet.noneOf(CallBackStatus.class));

	boolean canMoveTo(CallBackStatus target) {
		return NEXT.get(this).contains(target);
	}

	/**
	 * @return whether the call is still to be made
	 */
	public boolean owed() {
		return this == OWED;
	}

}
