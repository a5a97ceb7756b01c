package org.jijinan.shared;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Answers what Tomcat refuses before any servlet sees the request — a path with {@code %00}, an encoded slash or
 * invalid UTF-8, a request line too long — the way the platform answers everything else: RFC 9457 problem JSON under
 * {@code /api/}, a short page in the reader's language elsewhere; never Tomcat's own HTML.
 */
class ProblemReportValve extends ErrorReportValve {

	private static final Set<Integer> NAMED = Set.of(400, 401, 403, 404, 405, 406, 413, 415, 429, 500);

	private final ProblemWriter writer;

	private final Problems problems;

	ProblemReportValve(ProblemWriter writer, Problems problems) {
		this.writer = writer;
		this.problems = problems;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		String code = "request.http-" + (NAMED.contains(status) ? status : status < 500 ? 400 : 500);
		try {
			response.resetBuffer();
			if (String.valueOf(request.getRequestURI()).startsWith("/api/")) {
				writer.write(request, response, status, code);
			}
			else {
				Locale locale = PlainPage.asksForEnglish(request)
						? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
				PlainPage.write(response, status, problems.detail(code, locale), locale);
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException gone) {
			// the client went away, or the answer had begun: nothing more can be said
		}
	}

}
