package org.jijinan.shared;

/**
 * A problem meaning the input has the wrong shape.
 */
public class InvalidInput extends DomainProblem {

	/**
	 * @param code the stable problem code
	 * @param arguments values for the message, never personal data
	 */
	public InvalidInput(String code, Object... arguments) {
		super(ProblemKind.BAD_INPUT, code, arguments);
	}

}
