package org.jijinan.identity;

import java.util.List;

import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: who you are, your unit and scope, what your roles are for, and what is waiting for you.
 */
@Controller
class HomeController {

	private final Workbench workbench;

	private final RegionDirectory regions;

	HomeController(Workbench workbench, RegionDirectory regions) {
		this.workbench = workbench;
		this.regions = regions;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal Staff staff, Model model) {
		List<WaitingWork.WorkItem> items = workbench.itemsFor(staff);
		model.addAttribute("staff", staff);
		model.addAttribute("scopeName", staff.regionScope() == null ? null
				: regions.find(staff.regionScope()).map(DivisionView::name).orElse(staff.regionScope().value()));
		model.addAttribute("roles", staff.roleSet());
		model.addAttribute("items", items);
		return "identity/home";
	}

}
