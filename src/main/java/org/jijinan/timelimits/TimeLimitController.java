package org.jijinan.timelimits;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jijinan.shared.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Time limits over HTTP: read the county's, set a county default or a township's own.
 */
@RestController
@RequestMapping("/api/v1/time-limits")
class TimeLimitController {

	private final TimeLimits limits;

	TimeLimitController(TimeLimits limits) {
		this.limits = limits;
	}

	@Operation(summary = "The caller's county's time limits",
			description = "Its defaults with their bounds, each township's own, the changes planned from a later day.")
	@GetMapping
	TimeLimits.Overview overview(@AuthenticationPrincipal Caller caller) {
		return limits.overview(caller);
	}

	@Operation(summary = "Set a time limit from a day on",
			description = "County administrators and approvers set the county's default (no `township`) with the "
					+ "bounds for its townships, or a township's own; a township's approvers and administrators their "
					+ "township's own, within the county's bounds and in its unit. Steps already running keep their "
					+ "deadlines. Problems: 400 (date missing or malformed), 403, 409 (a township's limit would fall "
					+ "outside new bounds), 422 (outside the bounds, a day already past, a unit the limit does not "
					+ "count in).",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping
	ResponseEntity<TimeLimits.LimitSetting> set(@RequestBody TimeLimits.NewLimit given,
			@AuthenticationPrincipal Caller caller) {
		TimeLimits.LimitSetting setting = limits.set(given, caller);
		return ResponseEntity.created(URI.create("/api/v1/time-limits")).body(setting);
	}

}
