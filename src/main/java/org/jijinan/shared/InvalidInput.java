package org.jijinan.shared;

import org.jspecify.annotations.Nullable;

/**
 * A problem meaning the input has the wrong shape; where one field is at fault, the problem names it, so that an API
 * client can show the message beside that field.
 */
public class InvalidInput extends DomainProblem {

	private final @Nullable String field;

	/**
	 * @param code the stable problem code
	 * @param arguments values for the message, never personal data
	 */
	public InvalidInput(String code, Object... arguments) {
		super(ProblemKind.BAD_INPUT, code, arguments);
		this.field = null;
	}

	private InvalidInput(Object[] arguments, String code, String field) {
		super(ProblemKind.BAD_INPUT, code, arguments);
		this.field = field;
	}

	/**
	 * @param field the name or JSON path of the field at fault, such as {@code name} or {@code scopes[1]}
	 * @param code the stable problem code
	 * @param arguments values for the message, never personal data
	 * @return the problem, answered with a {@code field} property
	 */
	public static InvalidInput inField(String field, String code, Object... arguments) {
		return new InvalidInput(arguments, code, field);
	}

	/**
	 * @return the field at fault, or {@code null} when no single field is
	 */
	public @Nullable String field() {
		return field;
	}

}
