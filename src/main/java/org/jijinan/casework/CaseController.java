package org.jijinan.casework;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.people.PersonId;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases over HTTP: list, read with the timeline, and move on in the life cycle (409 {@code casework.illegal-transition}
 * for a move the life cycle does not allow).
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseController {

	private final CaseDesk desk;

	CaseController(CaseDesk desk) {
		this.desk = desk;
	}

	/**
	 * The cases in the caller's area (by status, or those still in progress), or the case a request belongs to.
	 */
	@Operation(summary = "List cases in the caller's area",
			description = "By status, or those still in progress; with `request`, the case a help request belongs to. "
					+ "Region-scoped staff see the cases of their area's subtree. Problems: 400 "
					+ "`request.invalid-parameter-value` (unknown status), 403 `casework.out-of-scope`.")
	@GetMapping
	List<CaseView> list(@RequestParam(required = false) @Nullable CaseStatus status,
			@RequestParam(required = false) @Nullable String request, @AuthenticationPrincipal Caller caller) {
		if (request != null) {
			return desk.forRequest(request.strip(), caller).stream().toList();
		}
		return desk.list(status, caller);
	}

	@PersonalDataRead(subject = "case", variable = "number")
	@Operation(summary = "Read a case",
			description = "Read by the staff of the case's township or county (region scope); audited as a "
					+ "personal-data read. Problems: 400 `casework.number-malformed`, 403 `casework.out-of-scope`, 404 "
					+ "`casework.case-not-found`.")
	@GetMapping("/{number}")
	CaseView find(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.find(number, caller);
	}

	@Operation(summary = "Read a case's timeline",
			description = "Everything that happened to the case, oldest first. Same readers as `case.find`. Problems: "
					+ "403 `casework.out-of-scope`, 404 `casework.case-not-found`.")
	@GetMapping("/{number}/timeline")
	List<TimelineEntry> timeline(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.timeline(number, caller);
	}

	@Operation(summary = "Move a case on in its life cycle",
			description = "Township reviewers and approvers and county civil-affairs staff of the case's area. A note "
					+ "is required to withdraw, transfer or close; a transfer names the jurisdiction. Problems: 400 "
					+ "`request.invalid-field`/`casework.number-malformed`/`casework.note-required`/"
					+ "`casework.jurisdiction-required`/`region.unknown-code`/`shared.text-too-long`, 403 "
					+ "`casework.not-allowed`/`casework.out-of-scope`, 404 `casework.case-not-found`, 409 "
					+ "`casework.illegal-transition`, 422 `casework.visit-required`/`casework.transfer-to-itself`/"
					+ "`casework.tasks-open`.")
	@PostMapping("/{number}/transitions")
	CaseView move(@PathVariable String number, @Valid @RequestBody Transition transition,
			@AuthenticationPrincipal Caller caller) {
		return desk.move(number, transition.to(), transition.note(), transition.jurisdiction(), caller);
	}

	/**
	 * Hands the case over (交接) to another reviewer or approver of its township or county, with the reason.
	 */
	@Operation(summary = "Hand a case over (交接)",
			description = "To another reviewer or approver of its township or county, with the reason. Problems: 403 "
					+ "`casework.not-allowed`, 404 `casework.case-not-found`, 422 when the colleague cannot take it.")
	@PostMapping("/{number}/handover")
	CaseView handOver(@PathVariable String number, @Valid @RequestBody Handover handover,
			@AuthenticationPrincipal Caller caller) {
		return desk.handOver(number, handover.to(), handover.reason(), caller);
	}

	/**
	 * Links the case to the registered (or provisionally registered) person it is about.
	 */
	@Operation(summary = "Link a case to its person",
			description = "The registered or provisional person the case is about. Problems: 403 "
					+ "`casework.out-of-scope`, 404 `casework.case-not-found`, 400 `casework.person-required`.")
	@PostMapping("/{number}/person")
	CaseView linkPerson(@PathVariable String number, @Valid @RequestBody PersonLink link,
			@AuthenticationPrincipal Caller caller) {
		return desk.linkPerson(number, link.personId(), caller);
	}

	/**
	 * @return who the case may be handed over to (names and login names)
	 */
	@Operation(summary = "List who may take a case over",
			description = "Reviewers and approvers of the case's township or county (names and login names).")
	@GetMapping("/{number}/handover-candidates")
	List<StaffDirectory.Colleague> handoverCandidates(@PathVariable String number,
			@AuthenticationPrincipal Caller caller) {
		return desk.handoverCandidates(number, caller);
	}

	@Operation(summary = "Record the legal basis for sharing a case",
			description = "Consent or entrustment, with the signed document's reference; needed before a need is "
					+ "published or an agency serves the case. Problems: 400 `casework.sharing-basis-required`, 403 "
					+ "`casework.out-of-scope`, 404 `casework.case-not-found`.")
	@PostMapping("/{number}/sharing-basis")
	SharingBasis recordSharingBasis(@PathVariable String number, @Valid @RequestBody Basis basis,
			@AuthenticationPrincipal Caller caller) {
		return desk.recordSharingBasis(number, basis.basis(), basis.reference(), caller);
	}

	@Operation(summary = "Read a case's legal basis for sharing",
			description = "Problems: 404 `casework.no-sharing-basis` when none is recorded, 404 "
					+ "`casework.case-not-found`.")
	@GetMapping("/{number}/sharing-basis")
	SharingBasis sharingBasis(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		desk.find(number, caller);
		return desk.sharingBasis(number).orElseThrow(() -> new org.jijinan.shared.NotFound("casework.no-sharing-basis"));
	}

	/**
	 * @param to the login name of the reviewer or approver who takes the case over
	 * @param reason why
	 */
	record Handover(@Nullable @Size(max = 40) String to, @Nullable @Size(max = 500) String reason) {
	}

	/**
	 * @param personId the person the case is about, from a search of the registry or a provisional registration
	 */
	record PersonLink(@Nullable PersonId personId) {
	}

	/**
	 * @param basis consent or entrustment
	 * @param reference the signed document
	 */
	record Basis(SharingBasis.@Nullable Kind basis, @Nullable @Size(max = 100) String reference) {
	}

	/**
	 * A move in the life cycle.
	 *
	 * @param to where the case goes
	 * @param note why (required for withdrawal, transfer and closing)
	 * @param jurisdiction where a transferred case goes
	 */
	record Transition(@NotNull CaseStatus to, @Nullable @Size(max = 1000) String note,
			@Nullable DivisionCode jurisdiction) {
	}

}
