package org.jijinan.intake;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a request stands; the first-contact owner stays responsible until it leaves {@link #RECEIVED}.
 */
public enum RequestStatus {

	/** 已登记: waiting for the township to accept or refuse. */
	RECEIVED,
	/** 已受理: a case is opened. */
	ACCEPTED,
	/** 不予受理, with a written reason. */
	REFUSED,
	/** 已合并 into another request of the same household. */
	MERGED,
	/** 已转外县. */
	FORWARDED;

	private static final Map<RequestStatus, Set<RequestStatus>> NEXT = Map.of(RECEIVED,
			EnumSet.of(ACCEPTED, REFUSED, MERGED, FORWARDED), ACCEPTED, EnumSet.noneOf(RequestStatus.class), REFUSED,
			EnumSet.noneOf(RequestStatus.class), MERGED, EnumSet.noneOf(RequestStatus.class), FORWARDED,
			EnumSet.noneOf(RequestStatus.class));

	boolean canMoveTo(RequestStatus target) {
		return NEXT.get(this).contains(target);
	}

}
