package org.jijinan.shared;

/**
 * What kind of failure a {@link DomainProblem} is; decides the HTTP status.
 */
public enum ProblemKind {

	/** 400: the input has the wrong shape. */
	BAD_INPUT(400),
	/** 401: the caller is not authenticated. */
	UNAUTHENTICATED(401),
	/** 403: the caller may not do this or see this. */
	FORBIDDEN(403),
	/** 404: no such thing. */
	NOT_FOUND(404),
	/** 409: conflicts with the current state (illegal transition, concurrent change, duplicate). */
	CONFLICT(409),
	/** 422: well-formed but breaks a rule. */
	RULE_VIOLATED(422);

	private final int status;

	ProblemKind(int status) {
		this.status = status;
	}

	/**
	 * @return the HTTP status code
	 */
	public int status() {
		return status;
	}

}
