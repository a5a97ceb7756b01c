package org.jijinan.people;

import org.jijinan.shared.ProblemKind;

/**
 * A roster file refused as a whole (hostile, unreadable, oversize, wrong headers): nothing of it is imported.
 */
class RosterRejected extends org.jijinan.shared.DomainProblem {

	RosterRejected(String code, Object... arguments) {
		super(ProblemKind.RULE_VIOLATED, code, arguments);
	}

}
