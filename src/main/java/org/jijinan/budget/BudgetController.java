package org.jijinan.budget;

import java.net.URI;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budgets over HTTP.
 */
@RestController
@RequestMapping("/api/v1/budgets")
class BudgetController {

	private final Budgets budgets;

	BudgetController(Budgets budgets) {
		this.budgets = budgets;
	}

	@Operation(summary = "The county's budgets of a year",
			description = "Each budget with committed, spent and left, and money per scheme and month. County staff see "
					+ "the county's, township staff their township's.")
	@GetMapping
	Budgets.Overview overview(@RequestParam(required = false) @Nullable Integer year,
			@AuthenticationPrincipal Caller caller) {
		int shown = year == null ? LocalDate.now(WorkingDayCalendar.COUNTY).getYear() : Math.max(2000, Math.min(2100, year));
		return budgets.overview(shown, caller);
	}

	@Operation(summary = "Set a budget",
			description = "County approvers and administrators, for the county or a township it allocates one to. "
					+ "Problems: 403, 409 (the period overlaps another of the same scheme and place), 422 (period or "
					+ "amount invalid).",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping
	ResponseEntity<Standing> set(@RequestBody Budgets.NewBudget given, @AuthenticationPrincipal Caller caller) {
		Standing set = budgets.set(given, caller);
		return ResponseEntity.created(URI.create("/api/v1/budgets")).body(set);
	}

}
