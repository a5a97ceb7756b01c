package org.jijinan.identity;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.shared.Digests;
import org.jijinan.shared.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that present {@code Authorization: Bearer <token>}: personal tokens of staff and access
 * tokens of partner systems. Tokens are 256 random bits, stored only as SHA-256 hashes. A presented token that is
 * unknown, expired or revoked is refused with 401 problem JSON at once; the request never falls back to the
 * session. Such requests carry no cookies' authority, so they need no CSRF token.
 */
class BearerTokens extends OncePerRequestFilter {

	static final String PREFIX = "jjn_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TokenPrincipals tokens;

	private final ProblemWriter problems;

	private final PartnerCalls calls;

	BearerTokens(TokenPrincipals tokens, ProblemWriter problems, PartnerCalls calls) {
		this.tokens = tokens;
		this.problems = problems;
		this.calls = calls;
	}

	static boolean presentedBy(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, "Bearer", 0, 6)
				&& (header.length() == 6 || Character.isWhitespace(header.charAt(6)));
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String token) {
		return Digests.sha256(token);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!presentedBy(request)) {
			chain.doFilter(request, response);
			return;
		}
		String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(6).strip();
		Authentication authentication = token.startsWith(PREFIX) ? tokens.authenticate(hash(token)) : null;
		if (authentication == null) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
			problems.write(request, response, 401, "security.token-invalid");
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			if (authentication.getPrincipal() instanceof PartnerClient partner) {
				asPartner(partner, request, response, chain);
			}
			else {
				chain.doFilter(request, response);
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * A partner's call is admitted by its rate limit and recorded whatever its outcome, even when it fails.
	 */
	private void asPartner(PartnerClient partner, HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		Instant started = Instant.now();
		long wait = calls.admit(partner.clientId());
		if (wait > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
			problems.write(request, response, 429, "security.partner-rate-limited", wait);
			calls.record(partner.clientId(), request.getMethod(), request.getRequestURI(), 429, started);
			return;
		}
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			calls.record(partner.clientId(), request.getMethod(), request.getRequestURI(), status, started);
		}
	}

}
