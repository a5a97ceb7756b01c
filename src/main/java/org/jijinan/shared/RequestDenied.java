package org.jijinan.shared;

import java.util.regex.Pattern;

/**
 * The security filters refused a signed-in caller's request before it reached the platform's code (a URL rule, a
 * missing or wrong CSRF token, a partner system outside its scopes). Audit records it as it records the refusals the
 * modules make.
 *
 * @param actor who asked
 * @param method the HTTP method
 * @param route the path with every segment that may name a subject (numbers, identifiers) replaced by {@code {…}}
 */
public record RequestDenied(String actor, String method, String route) {

	/** A path segment with a digit in it, other than the API's version. */
	private static final Pattern SUBJECT = Pattern.compile("(?<=/)(?!v[0-9]+(?:/|$))[^/]*[0-9][^/]*");

	/**
	 * @param path a request path
	 * @return the path without the segments that may name a subject: {@code /api/v1/persons/{…}}
	 */
	public static String routeOf(String path) {
		return SUBJECT.matcher(path.length() > 200 ? path.substring(0, 200) : path).replaceAll("{…}");
	}

}
