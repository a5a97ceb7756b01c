package org.jijinan.shared;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a query string that is not well-formed percent-encoded UTF-8 (such as {@code ?status=%ED%A0%80} or
 * {@code %zz}) with 400 before anything reads a parameter, and answers the same when a form body turns out to be
 * malformed later: the servlet container throws on such parameters, and without this every reader of a parameter —
 * a controller, the locale switch, the error page itself — would answer 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MalformedParameters extends OncePerRequestFilter {

	static final String CODE = "request.malformed-parameters";

	private final ProblemWriter writer;

	private final Problems problems;

	MalformedParameters(ProblemWriter writer, Problems problems) {
		this.writer = writer;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!wellFormed(request.getQueryString())) {
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException failed) {
			if (malformedParameter(failed) == null || response.isCommitted()) {
				throw failed;
			}
			response.resetBuffer();
			refuse(request, response);
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			writer.write(request, response, 400, CODE);
			return;
		}
		Locale locale = PlainPage.asksForEnglish(request) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
		PlainPage.write(response, 400, problems.detail(CODE, locale), locale);
	}

	private static @Nullable Throwable malformedParameter(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidParameterException) {
				return cause;
			}
		}
		return null;
	}

	/**
	 * @return whether every {@code %XX} is two hex digits and the bytes they make are valid UTF-8
	 */
	static boolean wellFormed(@Nullable String query) {
		// Raw characters beyond ASCII are the container's to judge (and caught below if it refuses them).
		if (query == null || query.indexOf('%') < 0 || query.chars().anyMatch(c -> c >= 0x80)) {
			return true;
		}
		ByteBuffer bytes = ByteBuffer.allocate(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c != '%') {
				bytes.put((byte) c);
				continue;
			}
			if (i + 2 >= query.length() || Character.digit(query.charAt(i + 1), 16) < 0
					|| Character.digit(query.charAt(i + 2), 16) < 0) {
				return false;
			}
			bytes.put((byte) Integer.parseInt(query, i + 1, i + 3, 16));
			i += 2;
		}
		bytes.flip();
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
			return true;
		}
		catch (CharacterCodingException malformed) {
			return false;
		}
	}

}
