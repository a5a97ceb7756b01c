package org.jijinan.charity;

import java.math.BigDecimal;
import java.net.URI;
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
 * Charity linkage over HTTP: projects, the needs board with its matches, claims, deliveries and confirmations.
 */
@RestController
@RequestMapping("/api/v1")
class CharityController {

	private final Projects projects;

	private final NeedsBoard needs;

	private final Claims claims;

	private final PublicFund fund;

	private final Pledges pledges;

	private final PledgeAllocations allocations;

	CharityController(Projects projects, NeedsBoard needs, Claims claims, PublicFund fund, Pledges pledges,
			PledgeAllocations allocations) {
		this.allocations = allocations;
		this.pledges = pledges;
		this.fund = fund;
		this.projects = projects;
		this.needs = needs;
		this.claims = claims;
	}

	@Operation(summary = "Start a charity project",
			description = "Charity officers; answers 201. Problems: 403, 422.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/charity-projects")
	ResponseEntity<ProjectView> start(@RequestBody Projects.NewProject project, @AuthenticationPrincipal Caller caller) {
		ProjectView started = projects.start(project, caller);
		return ResponseEntity.created(URI.create("/api/v1/charity-projects/" + started.id())).body(started);
	}

	@Operation(summary = "List charity projects")
	@GetMapping("/charity-projects")
	List<ProjectView> projects(@AuthenticationPrincipal Caller caller) {
		return projects.list(caller);
	}

	@Operation(summary = "Read a charity project")
	@GetMapping("/charity-projects/{id}")
	ProjectView project(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return projects.find(id, caller);
	}

	@Operation(summary = "List the needs matching a project", description = "With the matching engine's reasons.")
	@GetMapping("/charity-projects/{id}/matches")
	List<Matching.Match> projectMatches(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return needs.matchesForProject(id, caller);
	}

	@Operation(summary = "Publish a case's remaining need",
			description = "The case's township staff, only with a legal basis for sharing recorded; answers 201. "
					+ "Problems: 403, 404, 422 (a summary naming the person or holding a long number).",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/cases/{number}/needs")
	ResponseEntity<NeedView> publish(@PathVariable String number, @RequestBody NeedsBoard.NewNeed need,
			@AuthenticationPrincipal Caller caller) {
		NeedView published = needs.publish(number, need, caller);
		return ResponseEntity.created(URI.create("/api/v1/needs/" + published.id())).body(published);
	}

	@Operation(summary = "Read the de-identified needs board")
	@GetMapping("/needs")
	List<NeedView> board(@AuthenticationPrincipal Caller caller) {
		return needs.board(caller);
	}

	@Operation(summary = "Read a need")
	@GetMapping("/needs/{id}")
	NeedView need(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return needs.find(id, caller);
	}

	@Operation(summary = "List the projects matching a need")
	@GetMapping("/needs/{id}/matches")
	List<Matching.Match> needMatches(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return needs.matchesFor(id, caller);
	}

	@Operation(summary = "Withdraw a need")
	@PostMapping("/needs/{id}/withdrawal")
	NeedView withdraw(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return needs.withdraw(id, caller);
	}

	@Operation(summary = "List a need's claims")
	@GetMapping("/needs/{id}/claims")
	List<ClaimView> claimsOf(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return claims.ofNeed(id, caller);
	}

	@Operation(summary = "Claim a need for a project",
			description = "Charity officers; never commits beyond the project's budget; answers 201. Problems: 400 "
					+ "`charity.project-required`, 403, 404, 409 `charity.need-not-open`, 422 over budget.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/needs/{id}/claims")
	ResponseEntity<ClaimView> claim(@PathVariable UUID id, @RequestBody NewClaim claim,
			@AuthenticationPrincipal Caller caller) {
		if (claim.projectId() == null) {
			throw new org.jijinan.shared.InvalidInput("charity.project-required");
		}
		ClaimView made = claims.claim(id, claim.projectId(), claim.amount(), caller);
		return ResponseEntity.created(URI.create("/api/v1/charity-claims/" + made.id())).body(made);
	}

	@Operation(summary = "List the caller's charity's claims")
	@GetMapping("/charity-claims")
	List<ClaimView> myClaims(@AuthenticationPrincipal Caller caller) {
		return claims.mine(caller);
	}

	@Operation(summary = "Record a claim's delivery")
	@PostMapping("/charity-claims/{id}/delivery")
	ClaimView deliver(@PathVariable UUID id, @Valid @RequestBody Note note, @AuthenticationPrincipal Caller caller) {
		return claims.deliver(id, note.note(), caller);
	}

	@Operation(summary = "Cancel a claim")
	@PostMapping("/charity-claims/{id}/cancellation")
	ClaimView cancel(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return claims.cancel(id, caller);
	}

	@Operation(summary = "Confirm a delivered claim",
			description = "The case's township; records the help in the assistance chain.")
	@PostMapping("/charity-claims/{id}/confirmation")
	ClaimView confirm(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return claims.confirm(id, caller);
	}

	@Operation(summary = "Record an individual's pledge",
			description = "Answers 201.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/pledges")
	ResponseEntity<Pledges.PledgeView> pledge(@RequestBody Pledges.NewPledge pledge, @AuthenticationPrincipal Caller caller) {
		Pledges.PledgeView recorded = pledges.pledge(pledge, caller);
		return ResponseEntity.created(URI.create("/api/v1/pledges/" + recorded.id())).body(recorded);
	}

	@Operation(summary = "List pledges")
	@GetMapping("/pledges")
	List<Pledges.PledgeView> pledges(@AuthenticationPrincipal Caller caller) {
		return pledges.pledges(caller);
	}

	@Operation(summary = "Suggest pledges for a need")
	@GetMapping("/needs/{id}/pledges")
	List<Pledges.Suggestion> pledgesFor(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return pledges.forNeed(id, caller);
	}

	@Operation(summary = "Suggest volunteers for a need")
	@GetMapping("/needs/{id}/volunteers")
	List<Pledges.VolunteerSuggestion> volunteersFor(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return pledges.volunteersFor(id, caller);
	}

	@Operation(summary = "Give part of a pledge to a need",
			description = "Charity officers or county reviewers and approvers; answers 201. Problems: 403, 404 "
					+ "`charity.pledge-unknown`, 409 `charity.need-not-open`, 422 "
					+ "`charity.pledge-does-not-fit`/`charity.pledge-insufficient`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/needs/{id}/pledge-allocations")
	ResponseEntity<PledgeAllocations.Allocation> allocate(@PathVariable UUID id, @RequestBody AllocationRequest request,
			@AuthenticationPrincipal Caller caller) {
		PledgeAllocations.Allocation allocation = allocations.allocate(id, request.pledgeId(), request.quantity(), caller);
		return ResponseEntity.created(URI.create("/api/v1/needs/" + id + "/pledge-allocations/" + allocation.id()))
			.body(allocation);
	}

	@Operation(summary = "List a need's pledge allocations")
	@GetMapping("/needs/{id}/pledge-allocations")
	List<PledgeAllocations.Allocation> allocations(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return allocations.forNeed(id, caller);
	}

	/**
	 * @param pledgeId the pledge
	 * @param quantity how much of it: yuan to the fen, whole goods or hours
	 */
	record AllocationRequest(@Nullable UUID pledgeId, java.math.@Nullable BigDecimal quantity) {
	}

	@Operation(summary = "Register a volunteer",
			description = "Answers 201.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/volunteers")
	ResponseEntity<Pledges.VolunteerView> volunteer(@RequestBody Pledges.NewVolunteer volunteer,
			@AuthenticationPrincipal Caller caller) {
		Pledges.VolunteerView recorded = pledges.volunteer(volunteer, caller);
		return ResponseEntity.created(URI.create("/api/v1/volunteers/" + recorded.id())).body(recorded);
	}

	@Operation(summary = "List volunteers")
	@GetMapping("/volunteers")
	List<Pledges.VolunteerView> volunteers(@AuthenticationPrincipal Caller caller) {
		return pledges.volunteers(caller);
	}

	@Operation(summary = "Read the public fund's ledger")
	@GetMapping("/public-fund")
	PublicFund.Ledger fund() {
		return fund.ledger();
	}

	@Operation(summary = "Record a donation into the public fund")
	@PostMapping("/public-fund/income")
	PublicFund.Ledger receive(@RequestBody Donation donation, @AuthenticationPrincipal Caller caller) {
		return fund.receive(donation.amount(), donation.donor(), donation.purpose(), donation.reference(), caller);
	}

	@Operation(summary = "Grant from the public fund to a case")
	@PostMapping("/public-fund/grants")
	PublicFund.Ledger grant(@RequestBody Grant grant, @AuthenticationPrincipal Caller caller) {
		return fund.grant(String.valueOf(grant.caseNumber()), grant.amount(), grant.purpose(), grant.reference(), caller);
	}

	/**
	 * @param amount yuan
	 * @param donor as published, or empty for 匿名
	 * @param purpose what for
	 * @param reference the receipt
	 */
	record Donation(@Nullable BigDecimal amount, @Nullable String donor, @Nullable String purpose,
			@Nullable String reference) {
	}

	/**
	 * @param caseNumber the family's case
	 * @param amount yuan
	 * @param purpose what for
	 * @param reference the payment's reference
	 */
	record Grant(@Nullable String caseNumber, @Nullable BigDecimal amount, @Nullable String purpose,
			@Nullable String reference) {
	}

	/**
	 * @param projectId the project the need is met from
	 * @param amount what the charity commits, yuan
	 */
	record NewClaim(@Nullable UUID projectId, @Nullable BigDecimal amount) {
	}

	/**
	 * @param note what was given
	 */
	record Note(@Nullable @Size(max = 1000) String note) {
	}

}
