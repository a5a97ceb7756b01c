package org.jijinan.shared;

/**
 * A problem meaning the caller may not do or see this.
 */
public class Forbidden extends DomainProblem {

	/**
	 * @param code the stable problem code
	 * @param arguments values for the message, never personal data
	 */
	public Forbidden(String code, Object... arguments) {
		super(ProblemKind.FORBIDDEN, code, arguments);
	}

}
