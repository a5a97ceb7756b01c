package org.jijinan.identity;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A nonce-based Content Security Policy on every response (S12): a fresh random nonce per request, which the pages
 * put on their own {@code <script>} elements ({@code ${cspNonce}}); no other script runs, inline or injected.
 */
final class ContentSecurityPolicy extends OncePerRequestFilter {

	/** The request attribute (and model attribute) holding the nonce. */
	static final String NONCE = "cspNonce";

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(NONCE, nonce);
		response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
				+ "script-src 'nonce-" + nonce + "' 'strict-dynamic'; object-src 'none'; base-uri 'self'; "
				+ "frame-ancestors 'none'; form-action 'self'");
		chain.doFilter(request, response);
	}

}
