package org.jijinan.shared;

/**
 * A problem meaning the request conflicts with the current state.
 */
public class Conflict extends DomainProblem {

	/**
	 * @param code the stable problem code
	 * @param arguments values for the message, never personal data
	 */
	public Conflict(String code, Object... arguments) {
		super(ProblemKind.CONFLICT, code, arguments);
	}

}
