package org.jijinan.intake;

import java.net.URI;
import java.util.List;

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

	@PostMapping("/help-requests")
	ResponseEntity<HelpRequestView> submit(@Valid @RequestBody NewHelpRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@AuthenticationPrincipal Caller caller) {
		HelpRequestView view = key == null ? desk.receive(request, caller) : submissions.submit(key, request, caller);
		return ResponseEntity.created(URI.create("/api/v1/help-requests/" + view.number())).body(view);
	}

	@PersonalDataRead(subject = "help-request", variable = "number")
	@GetMapping("/help-requests/{number}")
	HelpRequestView request(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.find(number, caller);
	}

	@GetMapping("/help-request-queue")
	List<HelpRequestView> queue(@AuthenticationPrincipal Caller caller) {
		return desk.queue(caller);
	}

	@PostMapping("/help-requests/{number}/acceptance")
	HelpRequestView accept(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return desk.accept(number, caller);
	}

	@PostMapping("/help-requests/{number}/refusal")
	HelpRequestView refuse(@PathVariable String number, @Valid @RequestBody Refusal refusal,
			@AuthenticationPrincipal Caller caller) {
		return desk.refuse(number, refusal.reason(), caller);
	}

	@PostMapping("/help-requests/{number}/merger")
	HelpRequestView merge(@PathVariable String number, @Valid @RequestBody Merger merger,
			@AuthenticationPrincipal Caller caller) {
		return desk.merge(number, merger.into(), caller);
	}

	/**
	 * Keeps a possible duplicate apart from the request it looked like, with the reason; it may then be accepted.
	 */
	@PostMapping("/help-requests/{number}/distinction")
	HelpRequestView keepApart(@PathVariable String number, @Valid @RequestBody Distinction distinction,
			@AuthenticationPrincipal Caller caller) {
		return desk.keepApart(number, distinction.reason(), caller);
	}

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
