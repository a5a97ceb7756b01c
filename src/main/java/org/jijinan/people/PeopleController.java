package org.jijinan.people;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PersonalDataRead;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Persons over the API. Searches and reveals are POSTs so that no ID or phone number ever sits in a URL.
 */
@RestController
@RequestMapping("/api/v1/persons")
class PeopleController {

	private final PersonRegistry registry;

	private final PersonFinder finder;

	private final PersonExport export;

	PeopleController(PersonRegistry registry, PersonFinder finder, PersonExport export) {
		this.registry = registry;
		this.finder = finder;
		this.export = export;
	}

	@Operation(summary = "Register a person",
			description = "Civil-affairs staff of the residence's area (not departments, charities or agencies); a "
					+ "validated citizen ID number, or a provisional person with a phone. Answers 201. Problems: 400 "
					+ "`request.invalid-field`/`people.provisional-needs-phone`, 403 `people.out-of-scope`, 409 "
					+ "`people.id-number-registered`.")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PersonView register(@Valid @RequestBody NewPerson person, @AuthenticationPrincipal Caller caller) {
		return registry.register(person, caller);
	}

	@PersonalDataRead(subject = "person")
	@Operation(summary = "Read a person",
			description = "Masked numbers; audited as a personal-data read. Problems: 403 `people.out-of-scope`, 404 "
					+ "`people.person-not-found`.")
	@GetMapping("/{id}")
	PersonView person(@PathVariable PersonId id, @AuthenticationPrincipal Caller caller) {
		return registry.find(id, caller);
	}

	@Operation(summary = "Search the registry",
			description = "A POST so that numbers never sit in a URL; `page` and `size` are required. Civil-affairs "
					+ "staff, within their scope. Problems: 400 `request.invalid-field`, 403 `people.out-of-scope`.")
	@PostMapping("/searches")
	SearchResult search(@Valid @RequestBody PersonSearch search, @AuthenticationPrincipal Caller caller) {
		return finder.search(search, caller);
	}

	@Operation(summary = "Export a search's persons",
			description = "Masked, as XLSX or CSV (`format`). Problems: 400, 403.",
			responses = @ApiResponse(responseCode = "200", description = "The persons, masked",
					content = {
							@Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = "string", format = "binary")),
							@Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))}))
	@PostMapping("/exports")
	void export(@Valid @RequestBody PersonSearch search,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "XLSX") ExportFormat format,
			@AuthenticationPrincipal Caller caller, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		response.setContentType(format.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"persons." + format.extension() + "\"");
		export.export(search, format.name(), caller, response.getOutputStream());
	}

	@Operation(summary = "Identify a provisional person with an ID number",
			description = "Problems: 403, 404, 409 `people.id-number-registered`, 422.")
	@PostMapping("/{id}/identification")
	PersonView identify(@PathVariable PersonId id, @Valid @RequestBody Identification identification,
			@AuthenticationPrincipal Caller caller) {
		return registry.identify(id, identification.idNumber(), caller);
	}

	@Operation(summary = "Reveal one personal value",
			description = "Roles in `jijinan.people.reveal-roles`, with a purpose of 4–200 characters that is audited. "
					+ "Problems: 400 `people.reveal-purpose-required`, 403, 404 `people.value-not-recorded`.")
	@PostMapping("/{id}/reveals")
	Map<String, String> reveal(@PathVariable PersonId id, @Valid @RequestBody Reveal reveal,
			@AuthenticationPrincipal Caller caller) {
		return Map.of("value", registry.reveal(id, reveal.field(), reveal.purpose(), caller));
	}

	record Identification(@NotBlank @Size(max = 20) String idNumber) {

		@Override
		public String toString() {
			return "Identification[…]";
		}

	}

	record Reveal(@NotNull RevealableField field, @NotBlank @Size(max = 200) String purpose) {
	}

}
