package org.jijinan.region;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.ImportRejected;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Divisions over the API: any signed-in caller may read them; administrators import more.
 */
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

	/** Larger files are refused before they are read (100,000 rows of divisions stay well below). */
	static final long MAX_BYTES = 10L * 1024 * 1024;

	private final RegionDirectory directory;

	RegionController(RegionDirectory directory) {
		this.directory = directory;
	}

	@Operation(summary = "Read a division",
			description = "Any signed-in caller. Problems: 400 for a malformed code, 404.")
	@GetMapping("/{code}")
	DivisionView division(@PathVariable DivisionCode code) {
		return directory.require(code);
	}

	@Operation(summary = "List a division's children", description = "Any signed-in caller.")
	@GetMapping("/{code}/children")
	List<DivisionView> children(@PathVariable DivisionCode code) {
		return directory.children(code);
	}

	@Operation(summary = "Import divisions from CSV",
			description = "Administrators; the body is CSV (UTF-8), at most 10 MB; answers 201 with the count added. "
					+ "Problems: 403, 422 with the rejected rows.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	@PostMapping(path = "/imports", consumes = "text/csv")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	Map<String, Integer> importCsv(HttpServletRequest request, @AuthenticationPrincipal Caller caller)
			throws java.io.IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw new ImportRejected("region.import-too-large", List.of());
		}
		try (Reader csv = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
			return Map.of("added", directory.importCsv(csv, caller));
		}
	}

}
