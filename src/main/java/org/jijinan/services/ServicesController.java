package org.jijinan.services;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jijinan.casework.TaskView;
import org.jijinan.shared.Caller;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Social-work services over HTTP: contracts, the cases referred to an agency, and a case's assessment, plan and
 * records.
 */
@RestController
@RequestMapping("/api/v1")
class ServicesController {

	private final Contracts contracts;

	private final CaseServices services;

	private final Agencies agencies;

	ServicesController(Contracts contracts, CaseServices services, Agencies agencies) {
		this.contracts = contracts;
		this.services = services;
		this.agencies = agencies;
	}

	@Operation(summary = "Sign a service purchase contract",
			description = "County reviewers and approvers, with an agency of their own county; answers 201. "
					+ "Problems: 400 `services.agency-unknown` (no such agency in the county)/"
					+ "`services.title-required`/`shared.text-too-long`, 403 `services.not-allowed`, 422 "
					+ "`services.period-invalid`/`services.amount-invalid`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/service-contracts")
	ResponseEntity<Contracts.ContractView> sign(@RequestBody Contracts.NewContract contract,
			@AuthenticationPrincipal Caller caller) {
		Contracts.ContractView signed = contracts.sign(contract, caller);
		return ResponseEntity.created(URI.create("/api/v1/service-contracts/" + signed.id())).body(signed);
	}

	@Operation(summary = "List service contracts",
			description = "Social workers (`SOCIAL_WORKER`) of an agency see their agency's contracts; any other "
					+ "staff member with a region scope sees the contracts of their own county, that is those with "
					+ "the county's agencies (at most 500), latest start first. Problems: 403 `services.not-allowed` "
					+ "for staff without a region scope.")
	@GetMapping("/service-contracts")
	List<Contracts.ContractView> contracts(@AuthenticationPrincipal Caller caller) {
		return contracts.list(caller);
	}

	@Operation(summary = "List the cases referred to the caller's agency",
			description = "Social workers of an agency with an accepted task on the case.")
	@GetMapping("/service-cases")
	List<ReferredCase> referred(@AuthenticationPrincipal Caller caller) {
		return agencies.referred(caller).stream().map(ReferredCase::of).toList();
	}

	@Operation(summary = "Read a case's services", description = "Problems: 403, 404.")
	@GetMapping("/cases/{number}/services")
	ServicesView of(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return services.of(number, caller);
	}

	@Operation(summary = "Record a needs assessment",
			description = "The agency's social workers on a referred, shared case. Problems: 403, 404, 422.")
	@PostMapping("/cases/{number}/service-assessments")
	ServicesView assess(@PathVariable String number, @RequestBody CaseServices.Assessment assessment,
			@AuthenticationPrincipal Caller caller) {
		return services.assess(number, assessment, caller);
	}

	@Operation(summary = "Record a service plan", description = "Problems: 403, 404, 409 (another active plan), 422.")
	@PostMapping("/cases/{number}/service-plans")
	ServicesView plan(@PathVariable String number, @RequestBody CaseServices.Plan plan,
			@AuthenticationPrincipal Caller caller) {
		return services.plan(number, plan, caller);
	}

	@Operation(summary = "Record a service given",
			description = "Spent against the plan's contract. Problems: 403, 404, 422 over budget.")
	@PostMapping("/cases/{number}/service-records")
	ServicesView record(@PathVariable String number, @RequestBody CaseServices.ServiceRecord service,
			@AuthenticationPrincipal Caller caller) {
		return services.record(number, service, caller);
	}

	@Operation(summary = "Close a service plan with a follow-up note",
			description = "Only social workers (`SOCIAL_WORKER`) of the agency with an accepted or completed task on "
					+ "the case, which must record a legal basis for sharing; closes the agency's active plan and "
					+ "answers the case's services. Problems: 400 "
					+ "`services.closing-note-required`/`shared.text-too-long`, 403 "
					+ "`services.not-allowed`/`services.not-referred`, 422 "
					+ "`services.no-sharing-basis`/`services.no-plan`.")
	@PostMapping("/cases/{number}/service-plans/closing")
	ServicesView close(@PathVariable String number, @RequestBody Closing closing, @AuthenticationPrincipal Caller caller) {
		return services.close(number, closing.note(), caller);
	}

	/**
	 * @param note what the follow-up found
	 */
	record Closing(@org.jspecify.annotations.Nullable String note) {
	}

	/**
	 * A case referred to the agency: the number and the name its workers need, nothing else.
	 *
	 * @param caseNumber the case
	 * @param subjectName the person
	 * @param request what the township asked for
	 */
	record ReferredCase(String caseNumber, @org.jspecify.annotations.Nullable String subjectName, String request) {

		static ReferredCase of(TaskView task) {
			return new ReferredCase(task.caseNumber(), task.subjectName(), task.request());
		}

	}

}
