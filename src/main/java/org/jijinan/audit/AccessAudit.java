package org.jijinan.audit;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PersonalDataRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * After each signed-in request: a successful read of one subject's personal data (a handler marked
 * {@link PersonalDataRead}) and every refused request (403) leave an audit record, aggregated by
 * {@link AccessRecords}. Runs inside the security filters, so it knows who asked.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 10)
class AccessAudit extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);

	private final AccessRecords records;

	AccessAudit(AccessRecords records) {
		this.records = records;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Caller caller)) {
			return;
		}
		try {
			record(request, response.getStatus(), caller);
		}
		catch (RuntimeException failed) {
			// The answer has gone; a failed access record must not turn it into an error. It is logged for operators.
			log.error("Could not record an access by {} to {}", caller.name(), route(request), failed);
		}
	}

	private void record(HttpServletRequest request, int status, Caller caller) {
		if (status == HttpServletResponse.SC_FORBIDDEN) {
			records.denied(caller.name(), request.getMethod(), route(request));
			return;
		}
		if (status >= 300 || !"GET".equals(request.getMethod())
				|| !(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
			return;
		}
		PersonalDataRead read = handler.getMethodAnnotation(PersonalDataRead.class);
		if (read != null && request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get(read.variable()) != null) {
			records.read(caller.name(), read.subject(), String.valueOf(variables.get(read.variable())));
		}
	}

	/**
	 * @return the route's pattern (never the path itself, which may name a subject)
	 */
	private static String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return pattern == null ? "(no route)" : pattern.toString();
	}

}
