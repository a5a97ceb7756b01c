package org.jijinan.audit;

import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The audit page for administrators and supervisors: the latest records and the chain verification.
 */
@Controller
@RequestMapping("/admin/audit")
@PreAuthorize("hasAnyRole('ADMINISTRATOR', 'SUPERVISOR')")
class AuditController {

	private final AuditTrail trail;

	private final ChainVerification verification;

	AuditController(AuditTrail trail, ChainVerification verification) {
		this.trail = trail;
		this.verification = verification;
	}

	@GetMapping
	String page(@AuthenticationPrincipal Caller caller, Model model) {
		requireCountyScope(caller);
		model.addAttribute("entries", trail.latest(100));
		return "audit/records";
	}

	@PostMapping("/verification")
	String verify(@AuthenticationPrincipal Caller caller, Model model) {
		requireCountyScope(caller);
		model.addAttribute("report", verification.verifyFor(caller));
		return "audit/verification :: result";
	}

	/**
	 * The trail spans the whole installation, so only county-level administrators and supervisors read it.
	 */
	private static void requireCountyScope(Caller caller) {
		if (caller.regionScope() == null || caller.regionScope().value().length() > 6) {
			throw new Forbidden("audit.county-scope-required");
		}
	}

}
