package org.jijinan.casework;

import java.util.List;

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
	@GetMapping
	List<CaseView> list(@RequestParam(required = false) @Nullable CaseStatus status,
			@RequestParam(required = false) @Nullable String request, @AuthenticationPrincipal Caller caller) {
		if (request != null) {
			return desk.forRequest(request.strip(), caller).stream().toList();
		}
		return desk.list(status, caller);
	}

	@PersonalDataRead(subject = "case", variable = "number")
	@GetMapping("/{number}")
	CaseView find(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.find(number, caller);
	}

	@GetMapping("/{number}/timeline")
	List<TimelineEntry> timeline(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.timeline(number, caller);
	}

	@PostMapping("/{number}/transitions")
	CaseView move(@PathVariable String number, @Valid @RequestBody Transition transition,
			@AuthenticationPrincipal Caller caller) {
		return desk.move(number, transition.to(), transition.note(), transition.jurisdiction(), caller);
	}

	/**
	 * Hands the case over (交接) to another reviewer or approver of its township or county, with the reason.
	 */
	@PostMapping("/{number}/handover")
	CaseView handOver(@PathVariable String number, @Valid @RequestBody Handover handover,
			@AuthenticationPrincipal Caller caller) {
		return desk.handOver(number, handover.to(), handover.reason(), caller);
	}

	/**
	 * Links the case to the registered (or provisionally registered) person it is about.
	 */
	@PostMapping("/{number}/person")
	CaseView linkPerson(@PathVariable String number, @Valid @RequestBody PersonLink link,
			@AuthenticationPrincipal Caller caller) {
		return desk.linkPerson(number, link.personId(), caller);
	}

	/**
	 * @return who the case may be handed over to (names and login names)
	 */
	@GetMapping("/{number}/handover-candidates")
	List<StaffDirectory.Colleague> handoverCandidates(@PathVariable String number,
			@AuthenticationPrincipal Caller caller) {
		return desk.handoverCandidates(number, caller);
	}

	@PostMapping("/{number}/sharing-basis")
	SharingBasis recordSharingBasis(@PathVariable String number, @Valid @RequestBody Basis basis,
			@AuthenticationPrincipal Caller caller) {
		return desk.recordSharingBasis(number, basis.basis(), basis.reference(), caller);
	}

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
