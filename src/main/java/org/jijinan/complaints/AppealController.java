package org.jijinan.complaints;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Appeals against decisions (复议、诉讼) over HTTP.
 */
@RestController
@RequestMapping("/api/v1/appeals")
class AppealController {

	private final Appeals appeals;

	AppealController(Appeals appeals) {
		this.appeals = appeals;
	}

	@Operation(summary = "List the county's appeals",
			description = "The county's `COUNTY_REVIEWER`, `COUNTY_APPROVER`, `LEADER` or `SUPERVISOR`: undecided first, "
					+ "soonest due first. Problems: 403 `complaints.appeals-not-allowed`.")
	@GetMapping
	List<Appeals.AppealView> list(@AuthenticationPrincipal Caller caller) {
		return appeals.inCounty(caller);
	}

	@Operation(summary = "Record an appeal filed against a case's decision (行政复议/行政诉讼)",
			description = "The same roles. `kind` is `REVIEW` (decided within 60 days) or `LAWSUIT` (6 months); the "
					+ "hearing body's reference is unique per kind. Answers 201. Problems: 400 "
					+ "`complaints.appeal-kind-required`/`complaints.appeal-body-required`/"
					+ "`complaints.appeal-reference-required`/`complaints.appeal-filed-on-invalid`, 403 "
					+ "`complaints.appeals-not-allowed`, 404 `casework.case-not-found`, 409 "
					+ "`complaints.appeal-recorded-already`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping
	ResponseEntity<Appeals.AppealView> record(@Valid @RequestBody Filed filed,
			@AuthenticationPrincipal Caller caller) {
		var appeal = appeals.record(filed.caseNumber() == null ? "" : filed.caseNumber(), filed.kind(), filed.body(),
				filed.reference(), filed.filedOn(), caller);
		return ResponseEntity.created(URI.create("/api/v1/appeals/" + appeal.id())).body(appeal);
	}

	@Operation(summary = "Record an appeal's outcome",
			description = "The same roles, once. `outcome` is `UPHELD`, `CHANGED` or `REVOKED`; a decision changed or "
					+ "revoked sends the case back to decision naming the ruling, and the corrected decision passes "
					+ "review and approval by others. Problems: 400 `complaints.appeal-outcome-required`/"
					+ "`complaints.appeal-decided-on-invalid`/`complaints.appeal-summary-required`, 403, 404 "
					+ "`complaints.appeal-not-found`, 409 `complaints.appeal-decided-already`/"
					+ "`casework.illegal-transition`.")
	@PostMapping("/{id}/outcome")
	Appeals.AppealView decide(@PathVariable UUID id, @Valid @RequestBody Decided decided,
			@AuthenticationPrincipal Caller caller) {
		return appeals.decide(id, decided.outcome(), decided.decidedOn(), decided.summary(), caller);
	}

	/**
	 * @param caseNumber the case whose decision is contested
	 * @param kind {@code REVIEW} or {@code LAWSUIT}
	 * @param body the body hearing it
	 * @param reference its case reference there
	 * @param filedOn when it was filed
	 */
	record Filed(@Nullable @Size(max = 20) String caseNumber, @Nullable @Size(max = 10) String kind,
			@Nullable @Size(max = 100) String body, @Nullable @Size(max = 60) String reference,
			@Nullable LocalDate filedOn) {
	}

	/**
	 * @param outcome {@code UPHELD}, {@code CHANGED} or {@code REVOKED}
	 * @param decidedOn when it was decided
	 * @param summary what the ruling says
	 */
	record Decided(@Nullable @Size(max = 10) String outcome, @Nullable LocalDate decidedOn,
			@Nullable @Size(max = 1000) String summary) {
	}

}
