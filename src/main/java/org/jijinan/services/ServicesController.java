package org.jijinan.services;

import java.net.URI;
import java.util.List;

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

	@PostMapping("/service-contracts")
	ResponseEntity<Contracts.ContractView> sign(@RequestBody Contracts.NewContract contract,
			@AuthenticationPrincipal Caller caller) {
		Contracts.ContractView signed = contracts.sign(contract, caller);
		return ResponseEntity.created(URI.create("/api/v1/service-contracts/" + signed.id())).body(signed);
	}

	@GetMapping("/service-contracts")
	List<Contracts.ContractView> contracts(@AuthenticationPrincipal Caller caller) {
		return contracts.list(caller);
	}

	@GetMapping("/service-cases")
	List<ReferredCase> referred(@AuthenticationPrincipal Caller caller) {
		return agencies.referred(caller).stream().map(ReferredCase::of).toList();
	}

	@GetMapping("/cases/{number}/services")
	ServicesView of(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return services.of(number, caller);
	}

	@PostMapping("/cases/{number}/service-assessments")
	ServicesView assess(@PathVariable String number, @RequestBody CaseServices.Assessment assessment,
			@AuthenticationPrincipal Caller caller) {
		return services.assess(number, assessment, caller);
	}

	@PostMapping("/cases/{number}/service-plans")
	ServicesView plan(@PathVariable String number, @RequestBody CaseServices.Plan plan,
			@AuthenticationPrincipal Caller caller) {
		return services.plan(number, plan, caller);
	}

	@PostMapping("/cases/{number}/service-records")
	ServicesView record(@PathVariable String number, @RequestBody CaseServices.ServiceRecord service,
			@AuthenticationPrincipal Caller caller) {
		return services.record(number, service, caller);
	}

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
