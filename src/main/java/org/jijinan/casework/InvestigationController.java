package org.jijinan.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A case's investigation over HTTP: visits and their confirmations, economic-status checks and their reports,
 * democratic evaluations, public notices and objections. Each answer is the whole investigation as it now stands.
 */
@RestController
@RequestMapping("/api/v1/cases/{number}")
class InvestigationController {

	private final Investigation investigation;

	InvestigationController(Investigation investigation) {
		this.investigation = investigation;
	}

	@Operation(summary = "Read a case's investigation",
			description = "Visits, economic checks, evaluations, notices and objections. Problems: 403 "
					+ "`casework.out-of-scope`, 404 `casework.case-not-found`.")
	@GetMapping("/investigation")
	InvestigationView of(@PathVariable String number, @AuthenticationPrincipal Caller caller) {
		return investigation.of(number, caller);
	}

	@Operation(summary = "Record a home visit (入户调查)",
			description = "Township staff of the case's area; answers 201 with the whole investigation. Problems: 403, "
					+ "404 `casework.case-not-found`, 422 for a visit in the future or without findings.")
	@PostMapping("/visits")
	@ResponseStatus(HttpStatus.CREATED)
	InvestigationView visit(@PathVariable String number, @Valid @RequestBody NewVisit visit,
			@AuthenticationPrincipal Caller caller) {
		return investigation.recordVisit(number, visit.visitedOn(), visit.visitors() == null ? List.of() : visit.visitors(),
				visit.findings(), caller);
	}

	@Operation(summary = "Confirm a visit's record",
			description = "A second member of staff confirms the visit they took part in. Problems: 403, 404, 409.")
	@PostMapping("/visits/{visit}/confirmation")
	InvestigationView confirm(@PathVariable String number, @PathVariable UUID visit,
			@AuthenticationPrincipal Caller caller) {
		return investigation.confirmVisit(number, visit, caller);
	}

	@Operation(operationId = "investigation.addPhoto",
			summary = "Add a photo to a visit",
			description = "JPEG or PNG recognised by its first bytes, as multipart field `file`; answers 201. "
					+ "Problems: 400 `request.multipart-required`, 403, 404, 422 for a file of another type or too "
					+ "large.")
	@PostMapping(path = "/visits/{visit}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	InvestigationView.Photo photo(@PathVariable String number, @PathVariable UUID visit,
			@RequestParam("file") MultipartFile file, @AuthenticationPrincipal Caller caller) throws IOException {
		try (var content = file.getInputStream()) {
			return investigation.addPhoto(number, visit, file.getOriginalFilename(), content, caller);
		}
	}

	@Operation(summary = "Read a visit's photo",
			description = "Inline, never cached, with `nosniff`. Problems: 403, 404.",
			responses = @ApiResponse(responseCode = "200", description = "The photo",
					content = {
							@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}))
	@GetMapping("/photos/{photo}")
	void photo(@PathVariable String number, @PathVariable UUID photo, @AuthenticationPrincipal Caller caller,
			HttpServletResponse response) throws IOException {
		var buffer = new ByteArrayOutputStream();
		var view = investigation.photo(number, photo, caller, buffer);
		response.setContentType(view.contentType());
		response.setHeader("Content-Disposition", "inline; filename=\"photo-" + view.id() + "\"");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Cache-Control", "no-store");
		response.setContentLengthLong(buffer.size());
		buffer.writeTo(response.getOutputStream());
	}

	@Operation(summary = "Request an economic-status check (家庭经济状况核对)",
			description = "With the family's authorisation; answers 201. Problems: 403, 404, 422 without an "
					+ "authorisation date.")
	@PostMapping("/economic-checks")
	@ResponseStatus(HttpStatus.CREATED)
	InvestigationView check(@PathVariable String number, @Valid @RequestBody NewCheck check,
			@AuthenticationPrincipal Caller caller) {
		return investigation.requestCheck(number, check.authorisedOn(), check.authorisationNote(), caller);
	}

	@Operation(summary = "Record an economic check's report",
			description = "Problems: 403, 404, 409 when already reported, 422 for dates that do not hold.")
	@PostMapping("/economic-checks/{check}/report")
	InvestigationView report(@PathVariable String number, @PathVariable UUID check, @Valid @RequestBody Report report,
			@AuthenticationPrincipal Caller caller) {
		return investigation.recordReport(number, check, report.reportDate(), report.validUntil(), report.summary(),
				caller);
	}

	@Operation(summary = "Record a democratic evaluation (民主评议)",
			description = "Answers 201. `outcome` is `AGREED` or `DISAGREED`. Problems: 403, 404, 422.")
	@PostMapping("/evaluations")
	@ResponseStatus(HttpStatus.CREATED)
	InvestigationView evaluation(@PathVariable String number, @Valid @RequestBody NewEvaluation evaluation,
			@AuthenticationPrincipal Caller caller) {
		return investigation.recordEvaluation(number, evaluation.heldOn(), evaluation.participants(),
				evaluation.outcome(), evaluation.notes(), caller);
	}

	@Operation(summary = "Post a public notice (公示)",
			description = "For at least the county's minimum number of days; answers 201. Problems: 403, 404, 422.")
	@PostMapping("/notices")
	@ResponseStatus(HttpStatus.CREATED)
	InvestigationView notice(@PathVariable String number, @Valid @RequestBody NewNotice notice,
			@AuthenticationPrincipal Caller caller) {
		return investigation.postNotice(number, notice.days(), caller);
	}

	@Operation(summary = "Record an objection to a notice", description = "Answers 201. Problems: 403, 404, 422.")
	@PostMapping("/notices/{notice}/objections")
	@ResponseStatus(HttpStatus.CREATED)
	InvestigationView objection(@PathVariable String number, @PathVariable UUID notice,
			@Valid @RequestBody NewObjection objection, @AuthenticationPrincipal Caller caller) {
		return investigation.recordObjection(number, notice, objection.receivedOn(), objection.summary(), caller);
	}

	/**
	 * @param visitedOn the day
	 * @param visitors the other staff who went (the recorder is added)
	 * @param findings what was found
	 */
	record NewVisit(@Nullable LocalDate visitedOn, @Nullable @Size(max = 10) List<@Size(max = 100) String> visitors,
			@Nullable @Size(max = 4000) String findings) {
	}

	/**
	 * @param authorisedOn when the family authorised the check
	 * @param authorisationNote how
	 */
	record NewCheck(@Nullable LocalDate authorisedOn, @Nullable @Size(max = 500) String authorisationNote) {
	}

	/**
	 * @param reportDate the report's date
	 * @param validUntil until when it may be relied on
	 * @param summary what it says
	 */
	record Report(@Nullable LocalDate reportDate, @Nullable LocalDate validUntil,
			@Nullable @Size(max = 2000) String summary) {
	}

	/**
	 * @param heldOn the day
	 * @param participants how many took part
	 * @param outcome {@code AGREED} or {@code DISAGREED}
	 * @param notes what was said
	 */
	record NewEvaluation(@Nullable LocalDate heldOn, int participants,
			@Schema(allowableValues = { "AGREED", "DISAGREED" }) @Nullable String outcome,
			@Nullable @Size(max = 2000) String notes) {
	}

	/**
	 * @param days how long it is posted (at least the county's minimum)
	 */
	record NewNotice(@Nullable Integer days) {
	}

	/**
	 * @param receivedOn when it came in
	 * @param summary what it says
	 */
	record NewObjection(@Nullable LocalDate receivedOn, @Nullable @Size(max = 2000) String summary) {
	}

}
