package org.jijinan.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds RFC 9457 Problem Details from a problem code: {@code type} names the code's documentation page,
 * {@code code} is the stable contract, {@code title} and {@code detail} are in the caller's language and
 * {@code messages} carries the detail in Chinese and English.
 */
@Component
public class Problems {

	/**
	 * A request attribute naming the problem code an error page shows, for errors raised outside controllers (such
	 * as a refused CSRF token) whose status alone would say too little.
	 */
	public static final String PAGE_CODE = "org.jijinan.problem-code";

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	private final URI base;

	Problems(MessageSource messages, ProblemSettings settings) {
		this.messages = messages;
		this.base = settings.baseUri();
	}

	/**
	 * @param problem what went wrong
	 * @param locale the caller's language
	 * @return the problem body
	 */
	public ProblemDetail of(DomainProblem problem, Locale locale) {
		var body = of(problem.kind().status(), problem.code(), locale, problem.arguments());
		if (problem instanceof InvalidInput invalid && invalid.field() != null) {
			body.setProperty("field", invalid.field());
		}
		if (problem instanceof ImportRejected rejected) {
			body.setProperty("rows", rejected.rows().stream().map(row -> describe(row, locale)).toList());
		}
		return body;
	}

	/**
	 * @param row a rejected row
	 * @param locale the reader's language
	 * @return the row's line, code and explanation
	 */
	public Map<String, Object> describe(RowProblem row, Locale locale) {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("line", row.line());
		described.put("code", row.code());
		described.put("detail", detail(row.code(), locale, row.arguments()));
		return described;
	}

	/**
	 * @param status HTTP status
	 * @param code stable problem code
	 * @param locale the caller's language
	 * @param arguments message arguments, never personal data
	 * @return the problem body
	 */
	public ProblemDetail of(int status, String code, Locale locale, Object... arguments) {
		var body = ProblemDetail.forStatus(HttpStatusCode.valueOf(status));
		body.setType(base.resolve(code));
		body.setTitle(title(status, code, locale));
		body.setDetail(detail(code, locale, arguments));
		body.setProperty("code", code);
		Map<String, String> texts = new LinkedHashMap<>();
		texts.put("zh-CN", detail(code, CHINESE, arguments));
		texts.put("en", detail(code, Locale.ENGLISH, arguments));
		body.setProperty("messages", texts);
		return body;
	}

	/**
	 * @param code stable problem code
	 * @param locale the language
	 * @param arguments message arguments
	 * @return the human explanation of the code
	 */
	public String detail(String code, Locale locale, Object... arguments) {
		return messages.getMessage("problem." + code, arguments, code, locale);
	}

	private String title(int status, String code, Locale locale) {
		String generic = messages.getMessage("problem.status." + status, null, String.valueOf(status), locale);
		return messages.getMessage("problem." + code + ".title", null, generic, locale);
	}

}
