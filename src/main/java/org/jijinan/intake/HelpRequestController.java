package org.jijinan.intake;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Help requests over the API, for staff screens, the hotline system and departments.
 */
@RestController
@RequestMapping("/api/v1")
class HelpRequestController {

	private final IntakeDesk desk;

	private final IdempotentSubmissions submissions;

	private final Attachments attachments;

	HelpRequestController(IntakeDesk desk, IdempotentSubmissions submissions, Attachments attachments) {
		this.desk = desk;
		this.submissions = submissions;
		this.attachments = attachments;
	}

	@Operation(summary = "Attach a file to a help request",
			description = "JPEG, PNG or PDF recognised by its first bytes, at most 10 MB and 10 per request, as "
					+ "multipart field `file`; answers 201. The request's owner and staff of its area. Problems: 400 "
					+ "`request.multipart-required`, 403 `intake.out-of-scope`, 404 `intake.request-not-found`, 422 for "
					+ "another type, a larger file or an eleventh.")
	@PostMapping(path = "/help-requests/{number}/attachments",
			consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
	Attachments.AttachmentView attach(@PathVariable String number,
			@org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file,
			@AuthenticationPrincipal Caller caller) throws java.io.IOException {
		try (var content = file.getInputStream()) {
			return attachments.attach(number, String.valueOf(file.getOriginalFilename()), content, caller);
		}
	}

	@Operation(summary = "Download a help request's attachment",
			description = "For the request's owner and staff of its area, with `nosniff`. Problems: 403 "
					+ "`intake.out-of-scope`, 404.",
			responses = @ApiResponse(responseCode = "200", description = "The file, as a download that no cache keeps",
					content = {
							@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))}))
	@GetMapping("/help-requests/{number}/attachments/{id}")
	void attachment(@PathVariable String number, @PathVariable java.util.UUID id,
			@AuthenticationPrincipal Caller caller, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		var buffer = new java.io.ByteArrayOutputStream();
		var view = attachments.read(number, id, caller, buffer);
		response.setContentType(view.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"attachment-" + view.id() + "\"");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setContentLengthLong(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}

	@Operation(summary = "Receive a help request",
			description = "Any staff member who receives a request (window clerk, hotline operator, village reporter, "
					+ "department officer) and partner systems with scope `help-requests:write`. The receiver becomes "
					+ "first-contact owner; the request is routed to the township. With `Idempotency-Key`, a retry "
					+ "answers the stored request. Answers 201 with the request. `causes` take the codes of `GET "
					+ "/api/v1/hardship-causes`. With `subjectIdNumber` instead of `personId`, a receiver who may "
					+ "register persons makes the request about whoever holds that number, or about a person "
					+ "registered with it on receipt from `subjectName`, `subjectPhone` and `village`; from anyone "
					+ "else (a partner system) the number is not used, so the answer never tells whether it is "
					+ "registered. Problems: "
					+ "400 `request.invalid-field`/`request.malformed-body`, 400 `intake.unknown-cause`/"
					+ "`intake.unknown-village`/`intake.village-required`/`intake.subject-required`, 400 "
					+ "`shared.id-number-malformed`/`shared.id-number-check-digit`/`shared.id-number-birth-date` "
					+ "for a wrong ID number, 422 when an idempotency key is reused with another body.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/help-requests")
	ResponseEntity<HelpRequestView> submit(@Valid @RequestBody NewHelpRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@AuthenticationPrincipal Caller caller) {
		HelpRequestView view = key == null ? desk.receive(request, caller) : submissions.submit(key, request, caller);
		return ResponseEntity.created(URI.create("/api/v1/help-requests/" + view.number())).body(view);
	}

	@PersonalDataRead(subject = "help-request", variable = "number")
	@Operation(summary = "Read a help request",
			description = "The owner and staff of the request's area; audited as a personal-data read. Problems: 400 "
					+ "`intake.number-malformed`, 403 `intake.out-of-scope`, 404 `intake.request-not-found`.")
	@GetMapping("/help-requests/{number}")
	HelpRequestView request(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.find(number, caller);
	}

	@Operation(summary = "List the hardship causes (困难原因)",
			description = "The active causes, sudden ones first, with their Chinese and English names: the codes that "
					+ "`causes` of a help request and the cause of a relief computation take. Any signed-in caller.")
	@GetMapping("/hardship-causes")
	List<HardshipCause> causes() {
		return desk.causes();
	}

	@Operation(summary = "List the caller's queue of help requests",
			description = "Requests waiting for the caller's township, and those the caller owns.")
	@GetMapping("/help-request-queue")
	List<HelpRequestView> queue(@AuthenticationPrincipal Caller caller) {
		return desk.queue(caller);
	}

	@Operation(summary = "Accept a help request (受理)",
			description = "Only the routed township's intake, review and approval staff (`WINDOW_CLERK`, "
					+ "`TOWNSHIP_REVIEWER`, `TOWNSHIP_APPROVER`). Opens a case, or adds the request to the household's open "
					+ "case, before it answers: `caseNumber` in the answer names that case. Problems: 403 "
					+ "`intake.decision-not-allowed`/`intake.out-of-scope`, 404 `intake.request-not-found`, 409 when it "
					+ "was already decided.")
	@PostMapping("/help-requests/{number}/acceptance")
	HelpRequestView accept(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.accept(number, caller);
	}

	@Operation(summary = "Refuse a help request with a written reason",
			description = "Same staff as acceptance. Problems: 400 `request.invalid-field` (no reason), 403 "
					+ "`intake.decision-not-allowed`, 404, 409.")
	@PostMapping("/help-requests/{number}/refusal")
	HelpRequestView refuse(@PathVariable String number, @Valid @RequestBody Refusal refusal,
			@AuthenticationPrincipal Caller caller) {
		return desk.refuse(number, refusal.reason(), caller);
	}

	@Operation(summary = "Merge a help request into another",
			description = "About the same person, open or accepted; the township's staff. Problems: 403, 404, 409, "
					+ "422.")
	@PostMapping("/help-requests/{number}/merger")
	HelpRequestView merge(@PathVariable String number, @Valid @RequestBody Merger merger,
			@AuthenticationPrincipal Caller caller) {
		return desk.merge(number, merger.into(), caller);
	}

	/**
	 * Keeps a possible duplicate apart from the request it looked like, with the reason; it may then be accepted.
	 */
	@Operation(summary = "Keep a possible duplicate apart",
			description = "With the reason; it may then be accepted. Problems: 403, 404, 409.")
	@PostMapping("/help-requests/{number}/distinction")
	HelpRequestView keepApart(@PathVariable String number, @Valid @RequestBody Distinction distinction,
			@AuthenticationPrincipal Caller caller) {
		return desk.keepApart(number, distinction.reason(), caller);
	}

	@Operation(summary = "Forward a help request to another county",
			description = "With a note; the township's staff. Problems: 400 `intake.unknown-county`, 403, 404, 409.")
	@PostMapping("/help-requests/{number}/forwarding")
	HelpRequestView forward(@PathVariable String number, @Valid @RequestBody Forwarding forwarding,
			@AuthenticationPrincipal Caller caller) {
		return desk.forward(number, forwarding.county(), forwarding.note(), caller);
	}

	record Refusal(@NotBlank @Size(max = 1000) String reason) {
	}

	record Merger(@NotBlank @Size(max = 20) String into) {
	}

	/**
	 * @param reason why the request is another emergency than the one it looked like
	 */
	record Distinction(@Nullable @Size(max = 500) String reason) {
	}

	record Forwarding(@jakarta.validation.constraints.NotNull org.jijinan.shared.DivisionCode county,
			@NotBlank @Size(max = 500) String note) {
	}

}
