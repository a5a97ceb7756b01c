package org.jijinan.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What happens after the password form: failures are counted and audited with their reason, and the login page
 * shows one message for all of them (so it never tells whether an account exists or is locked);
 * success resets the count and leads to the next sign-in gate.
 */
@Component
class SignInOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final LoginAttempts attempts;

	private final SignInGates gates;

	SignInOutcomes(LoginAttempts attempts, SignInGates gates) {
		this.attempts = attempts;
		this.gates = gates;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		Staff staff = ((SignInCredentials) authentication.getPrincipal()).staff();
		attempts.succeeded(staff.accountId(), staff.username());
		Authentication next = gates.next(staff.accountId(), true, false);
		gates.establish(next, request, response);
		response.sendRedirect(request.getContextPath() + SignInGates.landing(next));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = String.valueOf(request.getParameter("username"));
		String outcome = outcome(exception);
		attempts.failed(username, outcome);
		// One answer for every failure: a locked, disabled or unknown account must look like a wrong password.
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	private static String outcome(AuthenticationException exception) {
		if (exception instanceof LockedException) {
			return "LOCKED";
		}
		if (exception instanceof DisabledException) {
			return "DISABLED";
		}
		return "BAD_CREDENTIALS";
	}

}
