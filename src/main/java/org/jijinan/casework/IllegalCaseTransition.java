package org.jijinan.casework;

import org.jijinan.shared.Conflict;

/**
 * A case was asked to move to a status it cannot reach from where it is.
 */
class IllegalCaseTransition extends Conflict {

	IllegalCaseTransition(String number, CaseStatus from, CaseStatus to) {
		super("casework.illegal-transition", number, from, to);
	}

}
