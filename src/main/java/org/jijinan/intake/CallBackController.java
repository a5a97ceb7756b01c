package org.jijinan.intake;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Call-backs (回电) over the API: recording an attempt to call a caller back.
 */
@RestController
@RequestMapping("/api/v1/help-requests/{number}/call-backs")
class CallBackController {

	private final CallBackDesk callBacks;

	CallBackController(CallBackDesk callBacks) {
		this.callBacks = callBacks;
	}

	@Operation(summary = "Record an attempt to call a caller back (回电)",
			description = "For a request whose caller asked to be called back. `REACHED` closes the call-back; "
					+ "`NOT_REACHED` keeps it owed until the attempts allowed (3 by default) went unanswered, then "
					+ "closes it as not reached. A note of 2–500 characters says what was said or what happened. "
					+ "The call-back's owner, the township's intake, review and approval staff and the supervisors of "
					+ "its area; audited. Answers the call-back with every attempt. Problems: 400 "
					+ "`intake.call-back-outcome-required`/`intake.call-back-note-required`/`shared.text-too-long`/"
					+ "`intake.number-malformed`/`request.*`, 403 `intake.call-back-not-allowed`/`intake.out-of-scope`, "
					+ "404 `intake.request-not-found`, 409 `intake.call-back-closed`, 422 `intake.call-back-not-wanted`.")
	@PostMapping
	CallBackView record(@PathVariable String number, @Valid @RequestBody Attempt attempt,
			@AuthenticationPrincipal Caller caller) {
		return callBacks.record(number, attempt.outcome(), attempt.note(), caller);
	}

	/**
	 * @param outcome whether the caller was reached
	 * @param note what was said, or what happened
	 */
	record Attempt(@Nullable CallBackOutcome outcome, @Nullable @Size(max = 500) String note) {
	}

}
