package org.jijinan.backup;

import java.util.Set;

import org.jijinan.identity.StaffDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.RuleViolation;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The master key page for the county's administrators: which key seals, when it began and who began it, a progress
 * bar while older values are sealed again, and the buttons to rotate the key and to retire the older ones once
 * nothing needs them.
 */
@Controller
@RequestMapping("/admin/keys")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class KeyPages {

	private final KeyRotation rotation;

	private final PageProblems problems;

	private final StaffDirectory staff;

	KeyPages(KeyRotation rotation, PageProblems problems, StaffDirectory staff) {
		this.rotation = rotation;
		this.problems = problems;
		this.staff = staff;
	}

	@GetMapping
	String page(Model model) {
		state(model);
		return "backup/keys";
	}

	@GetMapping("/progress")
	String progress(Model model) {
		state(model);
		return "backup/keys :: state";
	}

	private void state(Model model) {
		KeyRotation.KeyState state = rotation.state();
		model.addAttribute("keys", state);
		String by = state.last() == null ? null : state.last().rotatedBy();
		model.addAttribute("byEnvironment", KeyRotation.ENVIRONMENT.equals(by));
		if (by != null && !KeyRotation.ENVIRONMENT.equals(by)) {
			staff.named(Set.of(by))
				.forEach((username, named) -> model.addAttribute("rotatedBy",
						named.displayName() + "（" + named.unitName() + "）"));
		}
	}

	@PostMapping("/rotate")
	String rotate(@AuthenticationPrincipal Caller caller, Model model, RedirectAttributes redirect) {
		return act(() -> rotation.rotate(caller.name()), "rotated", model, redirect);
	}

	@PostMapping("/retire")
	String retire(@AuthenticationPrincipal Caller caller, Model model, RedirectAttributes redirect) {
		return act(() -> rotation.retire(caller.name()), "retired", model, redirect);
	}

	private String act(Runnable action, String done, Model model, RedirectAttributes redirect) {
		try {
			action.run();
		}
		catch (RuleViolation refused) {
			problems.show(model, refused);
			return page(model);
		}
		redirect.addFlashAttribute(done, true);
		return "redirect:/admin/keys";
	}

}
