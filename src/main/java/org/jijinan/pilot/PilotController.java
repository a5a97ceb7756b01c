package org.jijinan.pilot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DocumentFiles;
import org.jijinan.shared.Downloads;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pilot over HTTP: phases, readiness, documents and the evaluation report.
 */
@RestController
@RequestMapping("/api/v1/pilot")
class PilotController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Pilot pilot;

	private final Evaluation evaluation;

	PilotController(Pilot pilot, Evaluation evaluation) {
		this.pilot = pilot;
		this.evaluation = evaluation;
	}

	@Operation(summary = "Read the pilot's phases, readiness and documents",
			description = "Only `ADMINISTRATOR`, `LEADER`, `SUPERVISOR`, `COUNTY_REVIEWER`, `COUNTY_APPROVER`, "
					+ "`TOWNSHIP_REVIEWER` or `TOWNSHIP_APPROVER` of a county or township: the county's phases, and "
					+ "the readiness and documents of the caller's county or township. Problems: 403 "
					+ "`pilot.not-allowed`.")
	@GetMapping
	Pilot.Overview overview(@AuthenticationPrincipal Caller caller) {
		return pilot.overview(caller);
	}

	@Operation(summary = "Add a pilot phase",
			description = "County civil-affairs staff and leaders; dates parsed strictly. Answers 201. Problems: 400 "
					+ "`pilot.phase-name-invalid`/`pilot.date-missing`/`pilot.date-invalid`/`pilot.phase-reversed`/"
					+ "`pilot.goal-too-long`, 403 `pilot.not-allowed`/`pilot.county-only`, 422 `pilot.phase-overlap` "
					+ "(overlapping phases).",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/phases")
	ResponseEntity<Pilot.Phase> addPhase(@RequestBody PhaseRequest request, @AuthenticationPrincipal Caller caller) {
		Pilot.Phase phase = pilot.addPhase(request.name(), request.startsOn(), request.endsOn(), request.goal(), caller);
		return ResponseEntity.created(URI.create("/api/v1/pilot/phases/" + phase.id())).body(phase);
	}

	@Operation(summary = "Mark a township's readiness item",
			description = "The township's own staff or the county. Problems: 403, 404, 422.")
	@PutMapping("/readiness/{township}/{item}")
	Pilot.Overview mark(@PathVariable String township, @PathVariable String item, @RequestBody Mark mark,
			@AuthenticationPrincipal Caller caller) {
		pilot.setReadiness(township, item, mark.done(), mark.note(), caller);
		return pilot.overview(caller);
	}

	@Operation(summary = "File a township's policy document",
			description = "Multipart, the file in field `file`; answers 201. Problems: 400 "
					+ "`request.multipart-required`/`pilot.document-file-missing`/`pilot.document-title-invalid`/"
					+ "`pilot.document-number-too-long`/`pilot.date-missing`/`pilot.date-invalid`/"
					+ "`pilot.document-from-the-future`, 403, 422 `pilot.document-type` (a file of another type)/"
					+ "`pilot.document-too-large`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping(path = "/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Pilot.Document> file(@RequestParam String township, @RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String number,
			@RequestParam(required = false) @Nullable String issuedOn,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@AuthenticationPrincipal Caller caller) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("pilot.document-file-missing");
		}
		try (InputStream content = file.getInputStream()) {
			Pilot.Document filed = pilot.fileDocument(township, title, number, issuedOn, file.getOriginalFilename(),
					content, caller);
			return ResponseEntity.created(URI.create("/api/v1/pilot/documents/" + filed.id())).body(filed);
		}
	}

	/**
	 * Written within the request, not asynchronously: a second (asynchronous) dispatch would no longer carry a
	 * bearer token's authentication and end the download half-way.
	 */
	@Operation(summary = "Download a policy document",
			description = "Problems: 403, 404.",
			responses = @ApiResponse(responseCode = "200", description = "The document as filed",
					content = {
							@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))}))
	@GetMapping("/documents/{id}")
	void document(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, HttpServletResponse response)
			throws IOException {
		Pilot.Document found = pilot.document(id, caller);
		response.setContentType(MediaType.parseMediaType(found.contentType()).toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(found.fileName(), StandardCharsets.UTF_8).build().toString());
		DocumentFiles.copy(pilot.settings().documentDirectory(), found.id(), response.getOutputStream());
	}

	@Operation(summary = "Download the pilot's evaluation report (XLSX)",
			description = "The readers of `GET /api/v1/pilot`: the live figures of their county or township over the "
					+ "pilot's period (first phase to last, or to this month; at most five years), as a download no "
					+ "cache keeps; the export is audited. Problems: 403 `pilot.not-allowed`.",
			responses = @ApiResponse(responseCode = "200", description = "The evaluation report",
					content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary"))))
	@GetMapping("/evaluation.xlsx")
	ResponseEntity<byte[]> evaluationWorkbook(@AuthenticationPrincipal Caller caller, Locale locale) {
		EvaluationReport report = evaluation.report(caller, locale);
		return Downloads.attachment(report.title() + ".xlsx", XLSX, evaluation.xlsx(report, caller));
	}

	@Operation(summary = "Download the pilot's evaluation report (PDF)",
			description = "The readers of `GET /api/v1/pilot`: the live figures of their county or township over the "
					+ "pilot's period (first phase to last, or to this month; at most five years), as a download no "
					+ "cache keeps; the export is audited. Problems: 403 `pilot.not-allowed`.",
			responses = @ApiResponse(responseCode = "200", description = "The evaluation report",
					content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
	@GetMapping("/evaluation.pdf")
	ResponseEntity<byte[]> evaluationPdf(@AuthenticationPrincipal Caller caller, Locale locale) {
		EvaluationReport report = evaluation.report(caller, locale);
		return Downloads.attachment(report.title() + ".pdf", MediaType.APPLICATION_PDF, evaluation.pdf(report, caller));
	}

	record PhaseRequest(@Nullable String name, @Nullable String startsOn, @Nullable String endsOn,
			@Nullable String goal) {
	}

	record Mark(boolean done, @Nullable String note) {
	}

}
