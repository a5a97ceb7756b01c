package org.jijinan.relief;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Relief policy parameters and temporary-assistance decisions over HTTP.
 */
@RestController
@RequestMapping("/api/v1")
class ReliefController {

	private final ReliefPolicies policies;

	private final DecisionDesk decisions;

	ReliefController(ReliefPolicies policies, DecisionDesk decisions) {
		this.policies = policies;
		this.decisions = decisions;
	}

	@Operation(summary = "List relief parameter sets",
			description = "Any signed-in staff member: the sets of the regions in their area and of the regions "
					+ "above it, by region and newest first; empty for staff without a region scope (departments, "
					+ "hospitals, charities, agencies).")
	@GetMapping("/relief-policies")
	List<PolicyView> policies(@AuthenticationPrincipal Caller caller) {
		return policies.list(caller);
	}

	@Operation(summary = "Read the parameter set in force for a place and day",
			description = "Problems: 400 for an unknown region code, 404 when none is in force.")
	@GetMapping("/relief-policies/in-force")
	PolicyView inForce(@RequestParam DivisionCode region, @RequestParam(required = false) @Nullable LocalDate day,
			@AuthenticationPrincipal Caller caller) {
		return policies.inForce(region, day == null ? LocalDate.now(AssistanceChain.CHINA) : day);
	}

	@Operation(summary = "Define a relief parameter set",
			description = "County administrators (`ADMINISTRATOR`); answers 201. Problems: 403, 409 overlapping "
					+ "periods, 422 an invalid document.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/relief-policies")
	ResponseEntity<PolicyView> define(@RequestBody ReliefPolicies.NewPolicy policy,
			@AuthenticationPrincipal Caller caller) {
		PolicyView defined = policies.define(policy, caller);
		return ResponseEntity.created(URI.create("/api/v1/relief-policies/" + defined.id())).body(defined);
	}

	@Operation(summary = "Import relief parameter sets from a file",
			description = "Multipart field `file`, at most 1 MB; administrators. Problems: 400 "
					+ "`request.multipart-required`/`relief.policy-file-too-large`, 403, 409, 422.")
	@PostMapping("/relief-policies/imports")
	List<PolicyView> importFile(@RequestPart("file") MultipartFile file, @AuthenticationPrincipal Caller caller)
			throws IOException {
		if (file.getSize() > 1_000_000) {
			throw new InvalidInput("relief.policy-file-too-large");
		}
		return policies.importAll(file.getBytes(), caller);
	}

	@Operation(summary = "End a parameter set on a last day", description = "Administrators. Problems: 403, 404, 422.")
	@PostMapping("/relief-policies/{id}/end")
	PolicyView end(@PathVariable UUID id, @Valid @RequestBody LastDay lastDay, @AuthenticationPrincipal Caller caller) {
		return policies.end(id, lastDay.lastDay(), caller);
	}

	@Operation(summary = "Compute the temporary assistance for a case",
			description = "From a hardship cause code (`GET /api/v1/hardship-causes`), a band, the household size and "
					+ "urban or rural. Problems: 403, 404, 422 when no parameters cover the case.")
	@GetMapping("/cases/{number}/relief-computation")
	Computation compute(@PathVariable String number,
			@Parameter(description = "A hardship cause code, as GET /api/v1/hardship-causes lists them") @RequestParam String cause, @RequestParam String band,
			@RequestParam int persons, @RequestParam boolean urban, @AuthenticationPrincipal Caller caller) {
		return decisions.compute(number, cause, band, persons, urban, caller);
	}

	@Operation(summary = "List a case's decisions",
			description = "Staff of the case's area (any role), oldest first; the payee's account only masked. "
					+ "Problems: 400 `casework.number-malformed`, 403 `casework.out-of-scope`, 404 "
					+ "`casework.case-not-found`.")
	@GetMapping("/cases/{number}/decisions")
	List<DecisionView> ofCase(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return decisions.ofCase(number, caller);
	}

	@Operation(summary = "Propose a temporary-assistance decision",
			description = "`TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or `COUNTY_APPROVER` of the "
					+ "case's area; the case moves to awaiting decision. Answers 201. Problems: 400 "
					+ "`relief.payee-required`, 403 `relief.not-allowed`/`relief.out-of-scope`, 404 "
					+ "`casework.case-not-found`, 409 `relief.case-not-ready`/`relief.proposal-pending`, 422 a broken "
					+ "rule.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/cases/{number}/decisions")
	ResponseEntity<DecisionView> propose(@PathVariable String number, @Valid @RequestBody Proposal proposal,
			@AuthenticationPrincipal Caller caller) {
		DecisionView proposed = decisions.propose(number, proposal, caller);
		return ResponseEntity.created(URI.create("/api/v1/decisions/" + proposed.id())).body(proposed);
	}

	@Operation(summary = "Read a case's assistance chain",
			description = "Everything every scheme gave the family, for the duplicate check.")
	@GetMapping("/cases/{number}/assistance-chain")
	ChainView chain(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return decisions.chainOf(number, caller);
	}

	@Operation(summary = "Read a decision",
			description = "Problems: 403 `relief.out-of-scope`, 404 `relief.decision-not-found`.")
	@GetMapping("/decisions/{id}")
	DecisionView find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.find(id, caller);
	}

	@Operation(summary = "Run a decision's duplicate check",
			description = "What in the household's assistance chain stands against approving it "
					+ "(`SAME_CAUSE_THIS_YEAR`, `SAME_BILL`, `EXCLUSIVE_SCHEMES`), empty when nothing does. Staff "
					+ "of the decision's area (any role). Problems: 403 `relief.out-of-scope`, 404 "
					+ "`relief.decision-not-found`.")
	@GetMapping("/decisions/{id}/duplicate-check")
	List<AssistanceChain.Finding> check(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.check(id, caller);
	}

	@Operation(summary = "Review a proposed decision (审核)",
			description = "A reviewer other than the proposer (four eyes): township or county reviewer by amount. "
					+ "Problems: 403 `relief.not-allowed`, 404 `relief.decision-not-found`, 409 when not awaiting "
					+ "review.")
	@PostMapping("/decisions/{id}/review")
	DecisionView review(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.review(id, caller);
	}

	@Operation(summary = "Approve a decision (审批)",
			description = "An approver other than the proposer and reviewer: `TOWNSHIP_APPROVER` up to the township's "
					+ "limit, else `COUNTY_APPROVER`. Writes the assistance record and the payment order. Problems: 403 "
					+ "`relief.not-allowed`, 404 `relief.decision-not-found`, 409 when not awaiting approval or "
					+ "approved at the same moment by someone else, 422 `budget.exceeded` (with the amount, what is "
					+ "left, the budget, committed and spent) when the cash is more than the budget has left.")
	@PostMapping("/decisions/{id}/approval")
	DecisionView approve(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.approve(id, caller);
	}

	@Operation(summary = "Let a decision exceed the temporary-assistance budget",
			description = "A county approver, with the reason; audited. The decision's approver then approves as usual. "
					+ "Problems: 400 reason missing, 403 `budget.override-not-allowed`, 409 already overridden or not "
					+ "pending, 422 `budget.within-budget` when the cash fits what is left.")
	@PostMapping("/decisions/{id}/budget-override")
	DecisionView overrideBudget(@PathVariable UUID id, @Valid @RequestBody Reason reason,
			@AuthenticationPrincipal Caller caller) {
		return decisions.overrideBudget(id, reason.reason(), caller);
	}

	@Operation(summary = "Refuse a decision with a reason", description = "An approver. Problems: 403, 404, 409.")
	@PostMapping("/decisions/{id}/refusal")
	DecisionView refuse(@PathVariable UUID id, @Valid @RequestBody Reason reason,
			@AuthenticationPrincipal Caller caller) {
		return decisions.refuse(id, reason.reason(), caller);
	}

	@Operation(summary = "Withdraw a proposed decision", description = "The proposer. Problems: 403, 404, 409.")
	@PostMapping("/decisions/{id}/withdrawal")
	DecisionView withdraw(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.withdraw(id, caller);
	}

	/**
	 * @param lastDay the last day a set stays in force
	 */
	record LastDay(@NotNull LocalDate lastDay) {
	}

	/**
	 * @param reason why
	 */
	record Reason(@Nullable @Size(max = 1000) String reason) {
	}

}
