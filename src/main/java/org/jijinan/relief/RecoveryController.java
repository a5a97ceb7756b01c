package org.jijinan.relief;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stopping wrongly granted aid and recovering it (停发、追回) over HTTP.
 */
@RestController
@RequestMapping("/api/v1")
class RecoveryController {

	private final Recoveries recoveries;

	RecoveryController(Recoveries recoveries) {
		this.recoveries = recoveries;
	}

	@Operation(summary = "Stop a case's aid and open what is to be recovered (停发并追回)",
			description = "The county's `COUNTY_REVIEWER`, `COUNTY_APPROVER`, `LEADER` or `SUPERVISOR`, with the "
					+ "grounds (a founded fraud report, a department's data showing the household ineligible). Payment "
					+ "orders not yet sent are cancelled; each decision that paid (or sent) money and each emergency "
					+ "grant gets an amount to recover, once. Problems: 400 `relief.recovery-grounds-required`, 403 "
					+ "`relief.recovery-not-allowed`, 404 `casework.case-not-found`, 422 `relief.nothing-to-recover`.")
	@PostMapping("/cases/{number}/recoveries")
	List<RecoveryView> stop(@PathVariable String number, @Valid @RequestBody Grounds grounds,
			@AuthenticationPrincipal Caller caller) {
		return recoveries.stop(number, grounds.grounds(), caller);
	}

	@Operation(summary = "List a case's amounts to recover",
			description = "Staff of the case's area. Problems: 403 `casework.out-of-scope`, 404 "
					+ "`casework.case-not-found`.")
	@GetMapping("/cases/{number}/recoveries")
	List<RecoveryView> ofCase(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return recoveries.ofCase(number, caller);
	}

	@Operation(summary = "Record an instalment received",
			description = "Township or county reviewers and approvers, against a receipt number used once; money for "
					+ "emergency aid returns to the township reserve. Problems: 400 `relief.amount-invalid`/"
					+ "`relief.recovery-receipt-required`, 403 `relief.recovery-not-allowed`, 404 "
					+ "`relief.recovery-not-found`, 409 `relief.recovery-receipt-used`/`relief.recovery-settled`, 422 "
					+ "`relief.recovery-over-outstanding`.")
	@PostMapping("/recoveries/{number}/instalments")
	RecoveryView instalment(@PathVariable String number, @Valid @RequestBody Instalment instalment,
			@AuthenticationPrincipal Caller caller) {
		return recoveries.instalment(number, instalment.amount(), instalment.receipt(), caller);
	}

	@Operation(summary = "Ask for part of what is owed to be waived (减免)",
			description = "Township or county reviewers and approvers, with the reason; one waiting at a time. "
					+ "Problems: 400 `relief.amount-invalid`/`relief.waiver-reason-required`, 403, 404, 409 "
					+ "`relief.waiver-pending`/`relief.recovery-settled`, 422 `relief.recovery-over-outstanding`.")
	@PostMapping("/recoveries/{number}/waivers")
	RecoveryView waiver(@PathVariable String number, @Valid @RequestBody Waiver waiver,
			@AuthenticationPrincipal Caller caller) {
		return recoveries.proposeWaiver(number, waiver.amount(), waiver.reason(), caller);
	}

	@Operation(summary = "Approve the waiting waiver",
			description = "A `COUNTY_APPROVER` other than the person who asked. Problems: 403 "
					+ "`relief.recovery-not-allowed`/`relief.four-eyes`, 404, 409 `relief.no-waiver-pending`.")
	@PostMapping("/recoveries/{number}/waiver-approval")
	RecoveryView approveWaiver(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return recoveries.decideWaiver(number, true, caller);
	}

	@Operation(summary = "Refuse the waiting waiver",
			description = "A `COUNTY_APPROVER` other than the person who asked. Problems: 403, 404, 409 "
					+ "`relief.no-waiver-pending`.")
	@PostMapping("/recoveries/{number}/waiver-refusal")
	RecoveryView refuseWaiver(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return recoveries.decideWaiver(number, false, caller);
	}

	/**
	 * @param grounds why the aid is stopped
	 */
	record Grounds(@Nullable @Size(max = 200) String grounds) {
	}

	/**
	 * @param amount how much was received
	 * @param receipt the receipt's number
	 */
	record Instalment(@Nullable BigDecimal amount, @Nullable @Size(max = 80) String receipt) {
	}

	/**
	 * @param amount how much to waive
	 * @param reason why
	 */
	record Waiver(@Nullable BigDecimal amount, @Nullable @Size(max = 500) String reason) {
	}

}
