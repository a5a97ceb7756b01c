package org.jijinan.intake;

import org.jijinan.identity.StaffPhones;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PersonalDataRead;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 我报告的, on the reporter's phone: his reports, newest first, and each one with what became of it.
 */
@Controller
@RequestMapping("/intake/mine")
class ReportPages {

	private final MyReports reports;

	private final StaffPhones phones;

	ReportPages(MyReports reports, StaffPhones phones) {
		this.reports = reports;
		this.phones = phones;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("page", reports.page(page, caller));
		model.addAttribute("askForPhone", caller.roles().stream().anyMatch(MyReports.REPORTER_ROLES::contains)
				&& !phones.given(caller.name()));
		return "intake/mine";
	}

	@PersonalDataRead(subject = "help-request", variable = "number")
	@GetMapping("/{number}")
	String one(@PathVariable String number, @AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("report", reports.one(number, caller));
		return "intake/my-report";
	}

}
