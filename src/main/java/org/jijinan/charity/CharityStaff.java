package org.jijinan.charity;

import java.util.Set;
import java.util.UUID;

import org.jijinan.identity.Staff;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;

/**
 * Who may do what in charity linkage: charity officers act for their own charity; township and county staff who
 * handle cases publish needs and confirm deliveries.
 */
final class CharityStaff {

	static final Set<String> CASE_HANDLERS = Set.of("TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
			"COUNTY_APPROVER");

	private CharityStaff() {
	}

	/**
	 * @return the charity the caller acts for
	 * @throws Forbidden {@code charity.not-allowed} for anyone else
	 */
	static UUID charityOf(Caller caller) {
		if (caller instanceof Staff staff && caller.hasRole("CHARITY_OFFICER")
				&& staff.unit().kind() == UnitKind.CHARITY) {
			return staff.unit().id().value();
		}
		throw new Forbidden("charity.not-allowed");
	}

	static boolean isCharity(Caller caller) {
		return caller instanceof Staff staff && caller.hasRole("CHARITY_OFFICER")
				&& staff.unit().kind() == UnitKind.CHARITY;
	}

	static void requireHandler(Caller caller) {
		if (caller.regionScope() == null || caller.roles().stream().noneMatch(CASE_HANDLERS::contains)) {
			throw new Forbidden("charity.not-allowed");
		}
	}

}
