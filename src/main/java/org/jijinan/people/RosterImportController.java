package org.jijinan.people;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Roster imports over the API: upload (202 with the import), follow its progress, fetch the report of refused
 * rows.
 */
@RestController
@RequestMapping("/api/v1/roster-imports")
class RosterImportController {

	private final RosterImports imports;

	RosterImportController(RosterImports imports) {
		this.imports = imports;
	}

	@Operation(summary = "Upload a roster file (CSV or XLSX)",
			description = "County or township civil-affairs staff; multipart field `file`; answers 202 with the "
					+ "import, which runs in the background. Problems: 400 `request.multipart-required`, 403, 422 for a "
					+ "refused file.")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	RosterImportView submit(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String source, @AuthenticationPrincipal Caller caller)
			throws IOException {
		try (InputStream content = file.getInputStream()) {
			return imports.submit(String.valueOf(file.getOriginalFilename()), content, category,
					source == null ? "" : source, caller);
		}
	}

	@Operation(summary = "Follow a roster import", description = "Problems: 403, 404.")
	@GetMapping("/{id}")
	RosterImportView status(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return imports.status(id, caller);
	}

	@Operation(summary = "Download a roster import's refused rows",
			description = "CSV (UTF-8): row, column, reason.",
			responses = @ApiResponse(responseCode = "200", description = "The refused rows",
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))))
	@GetMapping("/{id}/report")
	void report(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, HttpServletResponse response)
			throws IOException {
		imports.status(id, caller);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"roster-import-" + id + "-problems.csv\"");
		imports.writeReport(id, caller, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

}
