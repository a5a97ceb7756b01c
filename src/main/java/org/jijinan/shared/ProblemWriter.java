package org.jijinan.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes a problem straight to a servlet response, for code that runs outside Spring MVC (security filters, entry
 * points, the error controller).
 */
@Component
public class ProblemWriter {

	private final Problems problems;

	private final JsonMapper json;

	private final LocaleResolver locales;

	ProblemWriter(Problems problems, JsonMapper json, LocaleResolver locales) {
		this.problems = problems;
		this.json = json;
		this.locales = locales;
	}

	/**
	 * @param request what was asked, for the reader's language
	 * @param response where to write
	 * @param status HTTP status
	 * @param code stable problem code
	 * @param arguments message arguments, never personal data
	 * @throws IOException when the client went away
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
			Object... arguments) throws IOException {
		ProblemDetail body = problems.of(status, code, locales.resolveLocale(request), arguments);
		response.setStatus(status);
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), body);
	}

}
