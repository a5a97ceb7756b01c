package org.jijinan.supervision;

import java.util.Set;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;

/**
 * Who reads supervision's overviews of an area. The board and the accountability records (which name the people held
 * responsible) are for the area's supervisors and leaders; the orders of the area also for the case handlers who
 * answer them. A case's own steps and orders follow the case instead (any staff member who may see it).
 */
final class SupervisionReaders {

	/** Supervisors and leaders: the board, the orders and the accountability records of their area. */
	static final Set<String> OVERSEERS = Set.of("SUPERVISOR", "LEADER");

	/** The case handlers who answer orders, and so read the orders of their area. */
	static final Set<String> REPLIERS = Set.of("TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
			"COUNTY_APPROVER");

	/** Who reads the orders of an area: supervisors, leaders and the handlers who answer the orders. */
	static final Set<String> ORDER_READERS = Set.of("SUPERVISOR", "LEADER", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER",
			"COUNTY_REVIEWER", "COUNTY_APPROVER");

	private SupervisionReaders() {
	}

	/**
	 * @return whether the caller holds one of the roles
	 */
	static boolean holdsAny(Caller caller, Set<String> roles) {
		return caller.roles().stream().anyMatch(roles::contains);
	}

	/**
	 * @return whether the caller answers orders
	 */
	static boolean answersOrders(Caller caller) {
		return holdsAny(caller, REPLIERS);
	}

	/**
	 * @param roles the roles that may read
	 * @return the path of the caller's area; 403 {@code supervision.not-allowed} without one of the roles,
	 * {@code supervision.out-of-scope} without a region scope
	 */
	static String area(Caller caller, Set<String> roles, RegionDirectory regions) {
		if (!holdsAny(caller, roles)) {
			throw new Forbidden("supervision.not-allowed");
		}
		if (caller.regionScope() == null) {
			throw new Forbidden("supervision.out-of-scope");
		}
		return regions.path(caller.regionScope());
	}

}
