package org.jijinan.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.jijinan.shared.DeploymentMode;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * What every page's frame shows: the demo banner and who is signed in.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAttributes {

	private final DeploymentMode mode;

	private final Workbench workbench;

	LayoutAttributes(DeploymentMode mode, Workbench workbench) {
		this.mode = mode;
		this.workbench = workbench;
	}

	@ModelAttribute("demo")
	boolean demo() {
		return mode.demo();
	}

	@ModelAttribute(ContentSecurityPolicy.NONCE)
	@Nullable String nonce(HttpServletRequest request) {
		return request.getAttribute(ContentSecurityPolicy.NONCE) instanceof String nonce ? nonce : null;
	}

	/**
	 * The signed-in person's menu, worked out only when a page shows it (a redirect or an API answer never does).
	 */
	@ModelAttribute("menu")
	@Nullable LazyContextVariable<Menu> menu() {
		Staff staff = me();
		return staff == null ? null : new LazyContextVariable<>() {
			@Override
			protected Menu loadValue() {
				return Menu.of(staff, workbench.itemsFor(staff));
			}
		};
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
