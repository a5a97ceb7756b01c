package org.jijinan.reporting;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard as JSON, and the rebuild of its roll-ups for county administrators.
 */
@RestController
class DashboardApi {

	private final Dashboard dashboard;

	private final RollupRebuild rebuild;

	DashboardApi(Dashboard dashboard, RollupRebuild rebuild) {
		this.dashboard = dashboard;
		this.rebuild = rebuild;
	}

	@Operation(summary = "Read the dashboard",
			description = "Leaders, supervisors and civil-affairs staff, within their scope; `from`/`to` are months "
					+ "(YYYY-MM), `region` a county or township in scope. Problems: 400 "
					+ "`request.invalid-parameter-value`, 403 `identity.out-of-scope`.")
	@GetMapping("/api/v1/dashboard")
	Dashboard.DashboardView json(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String region,
			@AuthenticationPrincipal Caller viewer, Locale locale) {
		return dashboard.show(from, to, region, viewer, locale);
	}

	/**
	 * Rebuilds every roll-up from its facts (no body, no parameters): county administrators only, audited.
	 */
	@Operation(summary = "Rebuild the dashboard's roll-ups",
			description = "County administrators only (403 `reporting.rebuild-not-allowed` otherwise); audited.")
	@PostMapping("/api/v1/dashboard/rebuild")
	RollupRebuild.Rebuilt rebuild(@AuthenticationPrincipal Caller caller) {
		return rebuild.rebuild(caller);
	}

}
