package org.jijinan.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.jijinan.shared.DeploymentMode;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's frame shows: the demo banner and who is signed in.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

	private final DeploymentMode mode;

	LayoutAttributes(DeploymentMode mode) {
		this.mode = mode;
	}

	@ModelAttribute("demo")
	boolean demo() {
		return mode.demo();
	}

	@ModelAttribute(ContentSecurityPolicy.NONCE)
	@Nullable String nonce(HttpServletRequest request) {
		return request.getAttribute(ContentSecurityPolicy.NONCE) instanceof String nonce ? nonce : null;
	}

	@ModelAttribute("me")
	@Nullable Staff me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && SignInGates.isFull(authentication)
				&& authentication.getPrincipal() instanceof Staff staff) {
			return staff;
		}
		return null;
	}

}
