package org.jijinan.identity;

import java.util.Comparator;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: who you are, your unit and scope, what your roles are for, and what is waiting for you.
 */
@Controller
class HomeController {

	private final List<WaitingWork> sources;

	HomeController(List<WaitingWork> sources) {
		this.sources = sources;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Staff staff, Model model) {
		List<WaitingWork.WorkItem> items = sources.stream()
			.flatMap(source -> source.waitingFor(staff).stream())
			.sorted(Comparator.comparing(WaitingWork.WorkItem::urgent).reversed())
			.toList();
		model.addAttribute("staff", staff);
		model.addAttribute("roles", staff.roleSet());
		model.addAttribute("items", items);
		return "identity/home";
	}

}
