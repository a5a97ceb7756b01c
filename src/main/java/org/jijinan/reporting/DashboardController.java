package org.jijinan.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Downloads;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard as a page and as a workbook.
 */
@Controller
class DashboardController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Dashboard dashboard;

	private final MessageSource messages;

	private final RegionDirectory regions;

	DashboardController(Dashboard dashboard, MessageSource messages, RegionDirectory regions) {
		this.dashboard = dashboard;
		this.messages = messages;
		this.regions = regions;
	}

	@GetMapping("/reports")
	String page(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String region,
			@AuthenticationPrincipal Caller viewer, Locale locale, Model model) {
		Dashboard.DashboardView view = dashboard.show(from, to, region, viewer, locale);
		model.addAttribute("view", view);
		List<DivisionView> choices = new ArrayList<>();
		DivisionCode scope = viewer.regionScope();
		if (scope != null) {
			regions.find(scope).ifPresent(choices::add);
			if (scope.value().length() == 6) {
				choices.addAll(regions.children(scope));
			}
		}
		model.addAttribute("regions", choices);
		return "reporting/dashboard";
	}

	@GetMapping("/reports/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to, @RequestParam(required = false) @Nullable String region,
			@AuthenticationPrincipal Caller viewer, Locale locale) {
		Dashboard.DashboardView view = dashboard.show(from, to, region, viewer, locale);
		byte[] workbook = new DashboardWorkbook(messages, locale).write(view);
		dashboard.exported(view, "dashboard", "XLSX", viewer);
		String name = messages.getMessage("reporting.file", new Object[] { view.regionName(), view.from(), view.to() },
				"dashboard", locale) + ".xlsx";
		return Downloads.attachment(name, XLSX, workbook);
	}

}
