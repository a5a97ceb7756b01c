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

	@Operation(summary = "List charity projects",
			description = "Charity officers (`CHARITY_OFFICER`) see their own charity's projects; "
					+ "`TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or `COUNTY_APPROVER` with a "
					+ "region scope see every project (at most 500); newest first. Problems: 403 "
					+ "`charity.not-allowed`.")
	@GetMapping("/charity-projects")
	List<ProjectView> projects(@AuthenticationPrincipal Caller caller) {
		return projects.list(caller);
	}

	@Operation(summary = "Read a charity project",
			description = "Its own charity's officers (`CHARITY_OFFICER`) and `TOWNSHIP_REVIEWER`, "
					+ "`TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or `COUNTY_APPROVER` with a region scope. Problems: "
					+ "403 `charity.not-allowed`/`charity.not-your-project`, 404 `charity.project-not-found`.")
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

	@Operation(summary = "Read the de-identified needs board",
			description = "Charity officers (`CHARITY_OFFICER`) see every open need, de-identified and without its "
					+ "case; `TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or `COUNTY_APPROVER` see "
					+ "the needs of their area not withdrawn, with the case. Newest first, at most 500. Problems: "
					+ "403 `charity.not-allowed`.")
	@GetMapping("/needs")
	List<NeedView> board(@AuthenticationPrincipal Caller caller) {
		return needs.board(caller);
	}

	@Operation(summary = "Read a need",
			description = "Charity officers (`CHARITY_OFFICER`) de-identified; `TOWNSHIP_REVIEWER`, "
					+ "`TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or `COUNTY_APPROVER` of the need's area with its "
					+ "case. Problems: 403 `charity.not-allowed`/`charity.out-of-scope`, 404 "
					+ "`charity.need-not-found`.")
	@GetMapping("/needs/{id}")
	NeedView need(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return needs.find(id, caller);
	}

	@Operation(summary = "List the projects matching a need",
			description = "Up to ten projects with budget left that fit it best, with scores and reasons. Charity "
					+ "officers (`CHARITY_OFFICER`), and `TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` "
					+ "or `COUNTY_APPROVER` of the need's area, as for the need. Problems: 403 "
					+ "`charity.not-allowed`/`charity.out-of-scope`, 404 `charity.need-not-found`.")
	@GetMapping("/needs/{id}/matches")
	List<Matching.Match> needMatches(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return needs.matchesFor(id, caller);
	}

	@Operation(summary = "Withdraw a need",
			description = "Only `TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or `COUNTY_APPROVER` of "
					+ "the need's area, never charities, while it is open. Problems: 403 "
					+ "`charity.not-allowed`/`charity.out-of-scope`, 404 `charity.need-not-found`, 409 "
					+ "`charity.need-taken`.")
	@PostMapping("/needs/{id}/withdrawal")
	NeedView withdraw(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return needs.withdraw(id, caller);
	}

	@Operation(summary = "List a need's claims",
			description = "Charity officers (`CHARITY_OFFICER`), and `TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, "
					+ "`COUNTY_REVIEWER` or `COUNTY_APPROVER` of the need's area, as for the need. A charity "
					+ "officer sees only their own charity's claims. Problems: 403 "
					+ "`charity.not-allowed`/`charity.out-of-scope`, 404 `charity.need-not-found`.")
	@GetMapping("/needs/{id}/claims")
	List<ClaimView> claimsOf(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return claims.ofNeed(id, caller);
	}

	@Operation(summary = "Claim a need for a project",
			description = "Charity officers; never commits beyond the project's budget; answers 201. Problems: 400 "
					+ "`charity.project-required`, 403, 404, 409 `charity.need-taken` (another charity has taken the "
					+ "need, or it is no longer open), 422 `charity.amount-invalid`/`charity.over-need`/"
					+ "`charity.over-per-case`/`charity.project-does-not-serve`/`charity.over-budget`.",
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

	@Operation(summary = "List the caller's charity's claims",
			description = "Only charity officers (`CHARITY_OFFICER`) of a charity: its claims, newest first. "
					+ "Problems: 403 `charity.not-allowed`.")
	@GetMapping("/charity-claims")
	List<ClaimView> myClaims(@AuthenticationPrincipal Caller caller) {
		return claims.mine(caller);
	}

	@Operation(summary = "Record a claim's delivery",
			description = "Only charity officers (`CHARITY_OFFICER`) of the claiming charity, with a note of what "
					+ "was given (4 to 1000 characters); the township then confirms it. Problems: 400 "
					+ "`charity.delivery-note-required`/`request.invalid-field`, 403 "
					+ "`charity.not-allowed`/`charity.not-your-claim`, 404 `charity.claim-not-found`, 409 "
					+ "`charity.claim-not-claimed`.")
	@PostMapping("/charity-claims/{id}/delivery")
	ClaimView deliver(@PathVariable UUID id, @Valid @RequestBody Note note, @AuthenticationPrincipal Caller caller) {
		return claims.deliver(id, note.note(), caller);
	}

	@Operation(summary = "Cancel a claim",
			description = "Only charity officers (`CHARITY_OFFICER`) of the claiming charity, before delivery: the "
					+ "need is open again and the project's budget freed. Problems: 403 "
					+ "`charity.not-allowed`/`charity.not-your-claim`, 404 `charity.claim-not-found`, 409 "
					+ "`charity.claim-not-claimed`.")
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

	@Operation(summary = "List pledges",
			description = "Only charity officers (`CHARITY_OFFICER`) and `COUNTY_REVIEWER` or `COUNTY_APPROVER` with "
					+ "a region scope: the pledges with something left, newest first. Problems: 403 "
					+ "`charity.not-allowed`.")
	@GetMapping("/pledges")
	List<Pledges.PledgeView> pledges(@AuthenticationPrincipal Caller caller) {
		return pledges.pledges(caller);
	}

	@Operation(summary = "Suggest pledges for a need",
			description = "Up to 20 pledges with something left, for an area containing the need's township and of a "
					+ "kind it asks for, those naming its cause first, with the reasons. Charity officers "
					+ "(`CHARITY_OFFICER`), and `TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or "
					+ "`COUNTY_APPROVER` of the need's area, as for the need. Problems: 403 "
					+ "`charity.not-allowed`/`charity.out-of-scope`, 404 `charity.need-not-found`.")
	@GetMapping("/needs/{id}/pledges")
	List<Pledges.Suggestion> pledgesFor(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return pledges.forNeed(id, caller);
	}

	@Operation(summary = "Suggest volunteers for a need",
			description = "Only charity officers (`CHARITY_OFFICER`), and `COUNTY_REVIEWER` or `COUNTY_APPROVER` of "
					+ "the need's area. For a need asking for volunteers or services, up to 20 volunteers serving "
					+ "its township, those whose skills its summary names first, phones masked; otherwise none. "
					+ "Problems: 403 `charity.not-allowed`/`charity.out-of-scope`, 404 `charity.need-not-found`.")
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

	@Operation(summary = "List a need's pledge allocations",
			description = "Newest first. Charity officers (`CHARITY_OFFICER`), and `TOWNSHIP_REVIEWER`, "
					+ "`TOWNSHIP_APPROVER`, `COUNTY_REVIEWER` or `COUNTY_APPROVER` of the need's area, as for the "
					+ "need. Problems: 403 `charity.not-allowed`/`charity.out-of-scope`, 404 "
					+ "`charity.need-not-found`.")
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

	@Operation(summary = "List volunteers",
			description = "Only charity officers (`CHARITY_OFFICER`) and `COUNTY_REVIEWER` or `COUNTY_APPROVER` with "
					+ "a region scope: newest first, at most 500, phones masked. Problems: 403 "
					+ "`charity.not-allowed`.")
	@GetMapping("/volunteers")
	List<Pledges.VolunteerView> volunteers(@AuthenticationPrincipal Caller caller) {
		return pledges.volunteers(caller);
	}

	@Operation(summary = "Read the public fund's ledger",
			description = "Any signed-in staff member (the public sees it on the fund's public page): the balance, "
					+ "the latest 100 entries with families as surname + 某 and township, and the last twelve "
					+ "months' totals.")
	@GetMapping("/public-fund")
	PublicFund.Ledger fund() {
		return fund.ledger();
	}

	@Operation(summary = "Record a donation into the public fund",
			description = "Only `COUNTY_REVIEWER` or `COUNTY_APPROVER` of a county; the donor as published (匿名 when "
					+ "empty), and a receipt reference that counts once. Answers the ledger. Problems: 400 "
					+ "`charity.fund-purpose-required`/`charity.fund-reference-required`/`shared.text-too-long`, "
					+ "403 `charity.not-allowed`, 409 `charity.fund-reference-used`, 422 `charity.amount-invalid`.")
	@PostMapping("/public-fund/income")
	PublicFund.Ledger receive(@RequestBody Donation donation, @AuthenticationPrincipal Caller caller) {
		return fund.receive(donation.amount(), donation.donor(), donation.purpose(), donation.reference(), caller);
	}

	@Operation(summary = "Grant from the public fund to a case",
			description = "Only `COUNTY_REVIEWER` or `COUNTY_APPROVER` of a county, for a case of their area, never "
					+ "beyond the balance; the grant enters the household's assistance chain and the case's "
					+ "timeline. Answers the ledger. Problems: 400 "
					+ "`casework.number-malformed`/`charity.fund-purpose-required`/`charity.fund-reference-required`, "
					+ "403 `charity.not-allowed`/`casework.out-of-scope`, 404 `casework.case-not-found`, 409 "
					+ "`charity.fund-reference-used`, 422 `charity.amount-invalid`/`charity.fund-insufficient`.")
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
