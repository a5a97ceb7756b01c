package org.jijinan.reporting;

import java.util.Locale;

import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard as JSON.
 */
@RestController
class DashboardApi {

	private final Dashboard dashboard;

	DashboardApi(Dashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/v1/dashboard")
	Dashboard.DashboardView json(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String region,
			@AuthenticationPrincipal Caller viewer, Locale locale) {
		return dashboard.show(from, to, region, viewer, locale);
	}

}
