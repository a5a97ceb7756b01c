package org.jijinan.relief;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

	@GetMapping("/relief-policies")
	List<PolicyView> policies(@AuthenticationPrincipal Caller caller) {
		return policies.list(caller);
	}

	@GetMapping("/relief-policies/in-force")
	PolicyView inForce(@RequestParam DivisionCode region, @RequestParam(required = false) @Nullable LocalDate day,
			@AuthenticationPrincipal Caller caller) {
		return policies.inForce(region, day == null ? LocalDate.now(AssistanceChain.CHINA) : day);
	}

	@PostMapping("/relief-policies")
	ResponseEntity<PolicyView> define(@RequestBody ReliefPolicies.NewPolicy policy,
			@AuthenticationPrincipal Caller caller) {
		PolicyView defined = policies.define(policy, caller);
		return ResponseEntity.created(URI.create("/api/v1/relief-policies/" + defined.id())).body(defined);
	}

	@PostMapping("/relief-policies/imports")
	List<PolicyView> importFile(@RequestPart("file") MultipartFile file, @AuthenticationPrincipal Caller caller)
			throws IOException {
		if (file.getSize() > 1_000_000) {
			throw new InvalidInput("relief.policy-file-too-large");
		}
		return policies.importAll(file.getBytes(), caller);
	}

	@PostMapping("/relief-policies/{id}/end")
	PolicyView end(@PathVariable UUID id, @Valid @RequestBody LastDay lastDay, @AuthenticationPrincipal Caller caller) {
		return policies.end(id, lastDay.lastDay(), caller);
	}

	@GetMapping("/cases/{number}/relief-computation")
	Computation compute(@PathVariable String number, @RequestParam String cause, @RequestParam String band,
			@RequestParam int persons, @RequestParam boolean urban, @AuthenticationPrincipal Caller caller) {
		return decisions.compute(number, cause, band, persons, urban, caller);
	}

	@GetMapping("/cases/{number}/decisions")
	List<DecisionView> ofCase(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return decisions.ofCase(number, caller);
	}

	@PostMapping("/cases/{number}/decisions")
	ResponseEntity<DecisionView> propose(@PathVariable String number, @Valid @RequestBody Proposal proposal,
			@AuthenticationPrincipal Caller caller) {
		DecisionView proposed = decisions.propose(number, proposal, caller);
		return ResponseEntity.created(URI.create("/api/v1/decisions/" + proposed.id())).body(proposed);
	}

	@GetMapping("/cases/{number}/assistance-chain")
	ChainView chain(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return decisions.chainOf(number, caller);
	}

	@GetMapping("/decisions/{id}")
	DecisionView find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.find(id, caller);
	}

	@GetMapping("/decisions/{id}/duplicate-check")
	List<AssistanceChain.Finding> check(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.check(id, caller);
	}

	@PostMapping("/decisions/{id}/review")
	DecisionView review(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.review(id, caller);
	}

	@PostMapping("/decisions/{id}/approval")
	DecisionView approve(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return decisions.approve(id, caller);
	}

	@PostMapping("/decisions/{id}/refusal")
	DecisionView refuse(@PathVariable UUID id, @Valid @RequestBody Reason reason,
			@AuthenticationPrincipal Caller caller) {
		return decisions.refuse(id, reason.reason(), caller);
	}

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
