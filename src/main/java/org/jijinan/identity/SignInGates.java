package org.jijinan.identity;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The steps between a correct password and a full session: change a one-time or expired password, then give a TOTP
 * code (or enrol one where the role requires it). Until the last gate is passed the session holds only the gate's
 * authority, which opens nothing but the gate's own page. Every promotion gets a new session id.
 */
@Component
class SignInGates {

	static final String CHANGE_PASSWORD = "GATE_CHANGE_PASSWORD";

	static final String GIVE_CODE = "GATE_GIVE_CODE";

	static final String ENROL_CODE = "GATE_ENROL_CODE";

	private final Accounts accounts;

	private final StaffAccounts staffAccounts;

	private final IdentitySettings settings;

	private final Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SignInGates(Accounts accounts, StaffAccounts staffAccounts, IdentitySettings settings, Clock clock) {
		this.accounts = accounts;
		this.staffAccounts = staffAccounts;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param passwordChecked the password step is done (false after the password change step only re-evaluates)
	 * @return the authentication for the next gate, or the full one
	 */
	Authentication next(AccountId accountId, boolean passwordChecked, boolean codeChecked) {
		Account account = accounts.findById(accountId).orElseThrow();
		Staff staff = staffAccounts.staff(account);
		if (account.mustChangePassword() || account.passwordExpired(clock.instant(), settings.passwordMaximumAge())) {
			return gate(staff, CHANGE_PASSWORD);
		}
		if (!codeChecked && account.totpSecret() != null) {
			return gate(staff, GIVE_CODE);
		}
		if (!codeChecked && settings.totpRequired(account.roles())) {
			return gate(staff, ENROL_CODE);
		}
		return new UsernamePasswordAuthenticationToken(staff, null, staff.fullAuthorities());
	}

	void establish(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		if (authentication.getPrincipal() instanceof Staff staff && isFull(authentication)) {
			request.getSession().setMaxInactiveInterval((int) settings.idleTimeoutFor(staff.roleSet()).toSeconds());
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	static String landing(Authentication authentication) {
		if (has(authentication, CHANGE_PASSWORD)) {
			return "/account/password";
		}
		if (has(authentication, GIVE_CODE)) {
			return "/login/code";
		}
		if (has(authentication, ENROL_CODE)) {
			return "/login/code/enrolment";
		}
		return "/";
	}

	static boolean isFull(Authentication authentication) {
		return has(authentication, Staff.FULLY_SIGNED_IN);
	}

	static boolean has(Authentication authentication, String authority) {
		return authentication.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
	}

	private static Authentication gate(Staff staff, String gate) {
		return new UsernamePasswordAuthenticationToken(staff, null, List.of(new SimpleGrantedAuthority(gate)));
	}

}
