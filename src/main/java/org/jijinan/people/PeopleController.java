package org.jijinan.people;

import java.util.Map;

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

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	PersonView register(@Valid @RequestBody NewPerson person, @AuthenticationPrincipal Caller caller) {
		return registry.register(person, caller);
	}

	@PersonalDataRead(subject = "person")
	@GetMapping("/{id}")
	PersonView person(@PathVariable PersonId id, @AuthenticationPrincipal Caller caller) {
		return registry.find(id, caller);
	}

	@PostMapping("/searches")
	SearchResult search(@Valid @RequestBody PersonSearch search, @AuthenticationPrincipal Caller caller) {
		return finder.search(search, caller);
	}

	@PostMapping("/exports")
	void export(@Valid @RequestBody PersonSearch search,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "XLSX") ExportFormat format,
			@AuthenticationPrincipal Caller caller, jakarta.servlet.http.HttpServletResponse response)
			throws java.io.IOException {
		response.setContentType(format.contentType());
		response.setHeader("Content-Disposition", "attachment; filename=\"persons." + format.extension() + "\"");
		export.export(search, format.name(), caller, response.getOutputStream());
	}

	@PostMapping("/{id}/identification")
	PersonView identify(@PathVariable PersonId id, @Valid @RequestBody Identification identification,
			@AuthenticationPrincipal Caller caller) {
		return registry.identify(id, identification.idNumber(), caller);
	}

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
