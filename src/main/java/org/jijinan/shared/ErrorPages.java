package org.jijinan.shared;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers errors that happen outside controllers (unknown paths, filters): problem JSON under {@code /api/},
 * otherwise an error page with a message.
 */
@Controller
class ErrorPages implements ErrorController {

	private final Problems problems;

	private final ProblemWriter writer;

	ErrorPages(Problems problems, ProblemWriter writer) {
		this.problems = problems;
		this.writer = writer;
	}

	@RequestMapping("/error")
	@Nullable ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		int status = status(request);
		String code = request.getAttribute(Problems.PAGE_CODE) instanceof String named ? named
				: "request.http-" + status;
		if (isApi(request)) {
			writer.write(request, response, status, code);
			return null;
		}
		response.setStatus(status);
		var page = new ModelAndView("error");
		page.addObject("status", status);
		page.addObject("code", code);
		page.addObject("message", problems.detail(code, LocaleContextHolder.getLocale()));
		return page;
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer number ? number : 500;
		return status < 400 ? 500 : status;
	}

}
