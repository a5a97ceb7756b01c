package org.jijinan.backup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
 * The backups page for the county's administrators: how backups stand (the latest success, a failure and its reason,
 * a warning when none succeeded for too long or no passphrase is set), the latest runs, and a button to back up now.
 */
@Controller
@RequestMapping("/admin/backups")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class BackupPages {

	private final ScheduledBackups backups;

	private final PageProblems problems;

	private final StaffDirectory staff;

	BackupPages(ScheduledBackups backups, PageProblems problems, StaffDirectory staff) {
		this.backups = backups;
		this.problems = problems;
		this.staff = staff;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("state", backups.state());
		List<BackupRuns.Run> runs = backups.history();
		model.addAttribute("runs", runs);
		// Who started each run, by name and unit as people read them, never by login name.
		Map<String, String> starters = new HashMap<>();
		staff.named(runs.stream().map(BackupRuns.Run::by).collect(Collectors.toSet()))
			.forEach((username, named) -> starters.put(username, named.displayName() + "（" + named.unitName() + "）"));
		model.addAttribute("starters", starters);
		model.addAttribute("folder", backups.settings().folder().toAbsolutePath().normalize().toString());
		model.addAttribute("retention", backups.settings().retention());
		return "backup/backups";
	}

	@GetMapping("/progress")
	String progress(Model model) {
		page(model);
		return "backup/backups :: state";
	}

	@PostMapping
	String now(@AuthenticationPrincipal Caller caller, Model model, RedirectAttributes redirect) {
		try {
			backups.startNow(caller.name());
		}
		catch (RuleViolation refused) {
			problems.show(model, refused);
			return page(model);
		}
		redirect.addFlashAttribute("started", true);
		return "redirect:/admin/backups";
	}

}
