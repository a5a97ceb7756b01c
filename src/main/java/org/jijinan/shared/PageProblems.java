package org.jijinan.shared;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Shows a problem on the page that caused it (a form shown again with the message) with the problem's HTTP
 * status. Problems of access (403, 404) are not shown on the form: they are thrown on, to the error page.
 */
@Component
public class PageProblems {

	private final Problems problems;

	PageProblems(Problems problems) {
		this.problems = problems;
	}

	/**
	 * @param model the page's model; receives {@code problem}, the message, and {@code problemCode}, which a form uses to
	 *     show the message beside the field it is about
	 * @param problem what went wrong
	 */
	public void show(Model model, DomainProblem problem) {
		if (problem.kind() == ProblemKind.FORBIDDEN || problem.kind() == ProblemKind.NOT_FOUND) {
			throw problem;
		}
		model.addAttribute("problem",
				problems.detail(problem.code(), LocaleContextHolder.getLocale(), problem.arguments()));
		model.addAttribute("problemCode", problem.code());
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getResponse() != null) {
			attributes.getResponse().setStatus(problem.kind().status());
		}
	}

}
