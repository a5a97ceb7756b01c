package org.jijinan.shared;

/**
 * A problem meaning the thing asked for does not exist.
 */
public class NotFound extends DomainProblem {

	/**
	 * @param code the stable problem code
	 * @param arguments values for the message, never personal data
	 */
	public NotFound(String code, Object... arguments) {
		super(ProblemKind.NOT_FOUND, code, arguments);
	}

}
