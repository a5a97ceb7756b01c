package org.jijinan.complaints;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.identity.PartnerEndpoint;
import org.jijinan.identity.UnitKind;
import org.jijinan.intake.ApplicantLanguage;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints over HTTP: partner systems (a government service hotline) and staff send them; their handlers read,
 * acknowledge, extend and answer them. To anyone but the staff of the units handling a complaint it does not exist.
 */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

	private final ComplaintDesk desk;

	private final ComplaintIntake intake;

	ComplaintController(ComplaintDesk desk, ComplaintIntake intake) {
		this.desk = desk;
		this.intake = intake;
	}

	@Operation(summary = "Send a complaint or a fraud report (投诉举报)",
			description = "Staff (channel `HOTLINE`, `WINDOW` or `LETTER`) and partner systems with the scope "
					+ "`complaints:write` (channel `PARTNER`). Routed away from the unit complained about: a township, "
					+ "a village, the hotline, a charity or an agency to the county's civil affairs bureau; the bureau, "
					+ "a department or a hospital to the supervision office. Answers 201 with the number and the "
					+ "follow code to give the complainant once; the same complaint again within an hour (same kind, "
					+ "words and phone) answers 200 with the first number and no code. Problems: 400 "
					+ "`complaints.kind-required`, `complaints.text-required`, `complaints.text-too-long`, "
					+ "`complaints.text-markup`, `complaints.phone-required` (unless anonymous), "
					+ "`complaints.phone-malformed`, `complaints.subject-unknown`, `complaints.channel-required`; 422 "
					+ "`complaints.no-handler` when the county has neither a bureau nor a supervision office.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping
	ResponseEntity<ComplaintIntake.Receipt> receive(@Valid @RequestBody Submitted given,
			@AuthenticationPrincipal Caller caller) {
		var receipt = intake.receive(new NewComplaint(given.kind(), given.subjectUnit(), given.subjectPerson(),
				given.reference(), given.text(), Boolean.TRUE.equals(given.anonymous()), given.name(), given.phone(),
				given.language(), given.channel()), caller, caller.name());
		return receipt.repeated() ? ResponseEntity.ok(receipt)
				: ResponseEntity.created(URI.create("/api/v1/complaints/" + receipt.number())).body(receipt);
	}

	@Operation(summary = "List the complaints the caller's unit handles",
			description = "Staff of the bureau (`COUNTY_REVIEWER`, `COUNTY_APPROVER`, `LEADER`) or of the supervision "
					+ "office (`SUPERVISOR`, `LEADER`): what is owed first, soonest due first, at most 500. Problems: "
					+ "403 `complaints.handlers-only`.")
	@GetMapping
	List<ComplaintDesk.Summary> list(@AuthenticationPrincipal Caller caller) {
		return desk.handledBy(caller);
	}

	@Operation(summary = "Read a complaint",
			description = "Staff with a handling role of a unit that handles or handled it; the complainant masked. "
					+ "Problems: 404 `complaints.not-found` for anyone else, the unit complained about included.")
	@GetMapping("/{number}")
	ComplaintView read(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.find(number, caller);
	}

	@Operation(summary = "Acknowledge a complaint (签收)",
			description = "Its current handler. Problems: 403 `complaints.not-the-handler`, 404 "
					+ "`complaints.not-found`, 409 `complaints.illegal-transition`/`complaints.changed-meanwhile`.")
	@PostMapping("/{number}/acknowledgement")
	ComplaintView acknowledge(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.acknowledge(number, caller);
	}

	@Operation(summary = "Extend the time to answer, once, with a reason (延期)",
			description = "Its current handler, before the answer. Problems: 400 "
					+ "`complaints.extension-reason-required`, 403 `complaints.not-the-handler`, 404 "
					+ "`complaints.not-found`, 409 `complaints.already-extended`/`complaints.not-open`.")
	@PostMapping("/{number}/extension")
	ComplaintView extend(@PathVariable String number, @Valid @RequestBody Extension extension,
			@AuthenticationPrincipal Caller caller) {
		return desk.extend(number, extension.reason(), caller);
	}

	@Operation(summary = "Answer a complaint (答复)",
			description = "Its current handler, after acknowledging it: the investigation, the finding (`FOUNDED`, "
					+ "`PARTLY`, `UNFOUNDED`) and the answer the complainant is told. A founded complaint may send "
					+ "a decided or closed case back to decision (`reopen`), stop the case's aid and recover what it "
					+ "paid (`stop`, see `POST /api/v1/cases/{number}/recoveries`), order the case's handlers to act "
					+ "(`order`, a supervision order) and hold the unit complained about and a person responsible "
					+ "(`accountable`, `person`). Problems: 400 `complaints.investigation-required`/"
					+ "`complaints.finding-required`/`complaints.answer-required`/`complaints.case-required`/"
					+ "`complaints.case-unknown`/`complaints.order-required`, 403 `complaints.not-the-handler`, 404 "
					+ "`complaints.not-found`, 409 `complaints.illegal-transition`/`casework.illegal-transition`, 422 "
					+ "`complaints.consequences-need-founded`/`complaints.accountability-needs-unit`.")
	@PostMapping("/{number}/answer")
	ComplaintView answer(@PathVariable String number, @Valid @RequestBody Answering answer,
			@AuthenticationPrincipal Caller caller) {
		return desk.answer(number, answer.investigation(), answer.finding(), answer.answer(),
				new Consequences.Asked(answer.caseNumber(), Boolean.TRUE.equals(answer.reopen()),
						Boolean.TRUE.equals(answer.stop()), answer.order(),
						Boolean.TRUE.equals(answer.accountable()), answer.person()),
				caller);
	}

	@Operation(summary = "See the complainant's full name and phone",
			description = "Its current handler, with a purpose (4–200 characters) that goes into the audit record. "
					+ "Problems: 400 `complaints.purpose-required`, 403 `complaints.not-the-handler`, 404 "
					+ "`complaints.not-found`.")
	@PostMapping("/{number}/complainant-reveals")
	ComplainantRevealed.Identity reveal(@PathVariable String number, @Valid @RequestBody Reveal reveal,
			@AuthenticationPrincipal Caller caller) {
		return desk.reveal(number, reveal.purpose(), caller);
	}

	/**
	 * A complaint as sent.
	 *
	 * @param kind a {@link ComplaintKind} name
	 * @param subjectUnit the unit complained about
	 * @param subjectPerson the official or the person reported
	 * @param reference the request or case number concerned
	 * @param text what happened
	 * @param anonymous whether the complainant stays anonymous
	 * @param name the complainant's name
	 * @param phone the complainant's phone
	 * @param language the language the complainant reads
	 * @param channel staff only: {@code HOTLINE}, {@code WINDOW} or {@code LETTER}
	 */
	record Submitted(@Nullable @Size(max = 30) String kind, @Nullable UUID subjectUnit,
			@Nullable @Size(max = 100) String subjectPerson, @Nullable @Size(max = 40) String reference,
			@Nullable @Size(max = 2000) String text, @Nullable Boolean anonymous, @Nullable @Size(max = 50) String name,
			@Nullable @Size(max = 20) String phone, @Nullable ApplicantLanguage language,
			@Nullable ComplaintChannel channel) {

		@Override
		public String toString() {
			return "Submitted[kind=" + kind + "]";
		}

	}

	/**
	 * @param reason why more time is needed
	 */
	record Extension(@Nullable @Size(max = 500) String reason) {
	}

	/**
	 * @param investigation what was done to find out
	 * @param finding {@code FOUNDED}, {@code PARTLY} or {@code UNFOUNDED}
	 * @param answer what the complainant is told
	 * @param caseNumber the case a founded complaint concerns
	 * @param reopen send the case's decision back to decision (重新审核)
	 * @param stop stop the case's aid and recover what it paid (停发、追回)
	 * @param order the instruction of a supervision order on the case
	 * @param accountable make an accountability record against the unit complained about
	 * @param person the person held responsible
	 */
	record Answering(@Nullable @Size(max = 4000) String investigation, @Nullable @Size(max = 10) String finding,
			@Nullable @Size(max = 1000) String answer, @Nullable @Size(max = 20) String caseNumber,
			@Nullable Boolean reopen, @Nullable Boolean stop, @Nullable @Size(max = 2000) String order,
			@Nullable Boolean accountable,
			@Nullable @Size(max = 100) String person) {
	}

	/**
	 * @param purpose why the full identity is needed
	 */
	record Reveal(@Nullable @Size(max = 200) String purpose) {
	}

	/**
	 * A government service hotline's system or the bureau's own may send complaints with {@code complaints:write}.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PartnerAccess {

		@Bean
		PartnerEndpoint sendComplaints() {
			return new PartnerEndpoint(HttpMethod.POST, "/api/v1/complaints", ComplaintIntake.SCOPE,
					EnumSet.of(UnitKind.HOTLINE_CENTRE, UnitKind.COUNTY_CIVIL_AFFAIRS));
		}

	}

}
