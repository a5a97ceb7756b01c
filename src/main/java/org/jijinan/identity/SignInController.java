package org.jijinan.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PageProblems;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page and the sign-in gates: password change, TOTP code, TOTP enrolment.
 */
@Controller
class SignInController {

	private static final String PENDING_SECRET = "identity.pending-totp-secret";

	private final Credentials credentials;

	private final SignInGates gates;

	private final SecondFactor totp;

	private final PageProblems problems;

	SignInController(Credentials credentials, SignInGates gates, SecondFactor totp, PageProblems problems) {
		this.credentials = credentials;
		this.gates = gates;
		this.totp = totp;
		this.problems = problems;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal Staff staff, @RequestParam String current,
			@RequestParam String replacement, @RequestParam String confirmation, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			credentials.changePassword(staff.accountId(), current, replacement, confirmation);
		}
		catch (DomainProblem problem) {
			return showProblem(model, problem, "identity/password");
		}
		var next = gates.next(staff.accountId(), true, SignInGates.isFull(authentication));
		gates.establish(next, request, response);
		return "redirect:" + SignInGates.landing(next);
	}

	@GetMapping("/login/code")
	String codeForm() {
		return "identity/code";
	}

	@PostMapping("/login/code")
	String verifyCode(@AuthenticationPrincipal Staff staff, @RequestParam String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			credentials.verify(staff.accountId(), code);
		}
		catch (DomainProblem problem) {
			return showProblem(model, problem, "identity/code");
		}
		var next = gates.next(staff.accountId(), true, true);
		gates.establish(next, request, response);
		return "redirect:" + SignInGates.landing(next);
	}

	@GetMapping("/login/code/enrolment")
	String enrolmentForm(@AuthenticationPrincipal Staff staff, HttpSession session, Model model) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		model.addAttribute("secret", secret);
		model.addAttribute("qr", totp.qrDataUri(secret, staff.username()));
		return "identity/enrolment";
	}

	@PostMapping("/login/code/enrolment")
	String enrol(@AuthenticationPrincipal Staff staff, @RequestParam String code, HttpSession session,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String secret = (String) session.getAttribute(PENDING_SECRET);
		try {
			if (secret == null) {
				return "redirect:/login/code/enrolment";
			}
			credentials.enrol(staff.accountId(), secret, code);
		}
		catch (DomainProblem problem) {
			model.addAttribute("secret", secret);
			model.addAttribute("qr", totp.qrDataUri(secret, staff.username()));
			return showProblem(model, problem, "identity/enrolment");
		}
		session.removeAttribute(PENDING_SECRET);
		var next = gates.next(staff.accountId(), true, true);
		gates.establish(next, request, response);
		return "redirect:" + SignInGates.landing(next);
	}

	private String showProblem(Model model, DomainProblem problem, String view) {
		problems.show(model, problem);
		return view;
	}

}
