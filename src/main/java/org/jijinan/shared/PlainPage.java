package org.jijinan.shared;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.util.HtmlUtils;

/**
 * The short error page written where the page templates cannot be used (the request itself is malformed, or the
 * servlet container refused it): the status, the message in the reader's language and a link home.
 */
final class PlainPage {

	private PlainPage() {
	}

	/**
	 * @return whether the reader asked for English first; Chinese otherwise, also when the request could not be read
	 */
	static boolean asksForEnglish(jakarta.servlet.http.HttpServletRequest request) {
		return request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage());
	}

	static void write(HttpServletResponse response, int status, String message, Locale locale) throws IOException {
		boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
		response.setStatus(status);
		response.setContentType("text/html");
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("<!DOCTYPE html><html lang=\"" + (english ? "en" : "zh-CN") + "\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width\"><title>" + status + "</title></head>"
					+ "<body><main><h1>" + status + "</h1><p id=\"problem\">" + HtmlUtils.htmlEscape(message)
					+ "</p><p><a href=\"/\">" + (english ? "Home" : "返回首页") + "</a></p></main></body></html>");
	}

}
