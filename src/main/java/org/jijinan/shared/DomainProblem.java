package org.jijinan.shared;

import java.util.Arrays;

/**
 * A failure the platform explains to its user. The {@link #code()} is the stable contract clients switch on; the
 * human text comes from {@code messages*.properties} under {@code problem.<code>}, formatted with
 * {@link #arguments()}. Arguments must never carry personal data.
 */
public abstract class DomainProblem extends RuntimeException {

	private final String code;

	private final ProblemKind kind;

	private final transient Object[] arguments;

	protected DomainProblem(ProblemKind kind, String code, Object... arguments) {
		super(code + Arrays.toString(arguments), null, false, false);
		this.code = code;
		this.kind = kind;
		this.arguments = arguments.clone();
	}

	/**
	 * @return the stable problem code, such as {@code region.unknown-code}
	 */
	public String code() {
		return code;
	}

	/**
	 * @return the kind, which decides the HTTP status
	 */
	public ProblemKind kind() {
		return kind;
	}

	/**
	 * @return the values the message is formatted with
	 */
	public Object[] arguments() {
		return arguments.clone();
	}

}
