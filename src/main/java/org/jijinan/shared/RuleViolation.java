package org.jijinan.shared;

/**
 * A problem meaning the request is well-formed but breaks a rule.
 */
public class RuleViolation extends DomainProblem {

	/**
	 * @param code the stable problem code
	 * @param arguments values for the message, never personal data
	 */
	public RuleViolation(String code, Object... arguments) {
		super(ProblemKind.RULE_VIOLATED, code, arguments);
	}

}
