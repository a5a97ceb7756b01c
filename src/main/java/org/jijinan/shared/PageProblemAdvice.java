package org.jijinan.shared;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows errors raised by page controllers as a page with a message, never a stack trace. Access problems are
 * rethrown so that Spring Security answers them (login redirect or 403 page).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblemAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageProblemAdvice.class);

	private final Problems problems;

	PageProblemAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	ModelAndView on(DomainProblem problem, HttpServletResponse response) {
		return page(response, problem.kind().status(), problem.code(), problem.arguments());
	}

	@ExceptionHandler
	ModelAndView on(OptimisticLockingFailureException conflict, HttpServletResponse response) {
		return page(response, 409, "request.concurrent-change");
	}

	@ExceptionHandler
	ModelAndView on(TypeMismatchException mismatch, HttpServletResponse response) {
		return page(response, 400, "request.invalid-parameter-value", String.valueOf(mismatch.getPropertyName()));
	}

	@ExceptionHandler
	ModelAndView on(InvalidParameterException malformed, HttpServletResponse response) {
		return page(response, 400, MalformedParameters.CODE);
	}

	@ExceptionHandler
	ModelAndView on(HttpMessageNotReadableException unreadable, HttpServletResponse response) {
		return page(response, 400, "request.malformed-body");
	}

	@ExceptionHandler
	ModelAndView on(MultipartException notMultipart, HttpServletResponse response) {
		if (notMultipart instanceof ErrorResponse framework) {
			return page(response, framework.getStatusCode().value(), "request.http-" + framework.getStatusCode().value());
		}
		return page(response, 400, "request.multipart-required");
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrow(RuntimeException security) {
		throw security;
	}

	@ExceptionHandler
	ModelAndView on(Exception unexpected, HttpServletResponse response) {
		if (unexpected instanceof ErrorResponse framework) {
			int status = framework.getStatusCode().value();
			return page(response, status, "request.http-" + status);
		}
		String reference = Long.toHexString(System.nanoTime());
		log.error("Unexpected failure on a page, reference {}", reference, unexpected);
		return page(response, 500, "server.unexpected", reference);
	}

	private ModelAndView page(HttpServletResponse response, int status, String code, Object... arguments) {
		response.setStatus(status);
		var page = new ModelAndView("error");
		page.addObject("status", status);
		page.addObject("code", code);
		page.addObject("message", problems.detail(code, LocaleContextHolder.getLocale(), arguments));
		return page;
	}

}
