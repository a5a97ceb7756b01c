package org.jijinan.intake;

import org.jijinan.shared.Conflict;

/**
 * A request was asked to move to a status it cannot reach from where it is (accepting a refused request, say).
 */
class IllegalRequestTransition extends Conflict {

	IllegalRequestTransition(String number, RequestStatus from, RequestStatus to) {
		super("intake.illegal-transition", number, from, to);
	}

}
