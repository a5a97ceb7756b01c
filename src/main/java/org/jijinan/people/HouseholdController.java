package org.jijinan.people;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Households and category standings over the API.
 */
@RestController
class HouseholdController {

	private final HouseholdRegister households;

	private final CategoryStandings standings;

	HouseholdController(HouseholdRegister households, CategoryStandings standings) {
		this.households = households;
		this.standings = standings;
	}

	@Operation(summary = "Establish a household",
			description = "Civil-affairs staff of the head's area; answers 201. Problems: 403 `people.out-of-scope`, "
					+ "404 `people.person-not-found`, 409.")
	@PostMapping("/api/v1/households")
	@ResponseStatus(HttpStatus.CREATED)
	HouseholdView establish(@Valid @RequestBody NewHousehold household, @AuthenticationPrincipal Caller caller) {
		return households.establish(household.headId(), household.address(), caller);
	}

	@PersonalDataRead(subject = "household")
	@Operation(summary = "Read a household", description = "Audited as a personal-data read. Problems: 403, 404.")
	@GetMapping("/api/v1/households/{id}")
	HouseholdView household(@PathVariable HouseholdId id, @AuthenticationPrincipal Caller caller) {
		return households.find(id, caller);
	}

	@Operation(summary = "Admit a member to a household", description = "Problems: 403, 404, 409.")
	@PostMapping("/api/v1/households/{id}/members")
	HouseholdView admit(@PathVariable HouseholdId id, @Valid @RequestBody NewMember member,
			@AuthenticationPrincipal Caller caller) {
		return households.admit(id, member.personId(), member.relationship(), caller);
	}

	@Operation(summary = "List person and household categories (低保, 特困 …)",
			description = "The active categories by code, with their Chinese and English names, whether persons or "
					+ "households hold them and whether they are graded. Any signed-in staff member.")
	@GetMapping("/api/v1/categories")
	List<Category> categories() {
		return standings.categories();
	}

	@Operation(summary = "Define a category", description = "County administrators; answers 201. Problems: 403, 409.")
	@PostMapping("/api/v1/categories")
	@ResponseStatus(HttpStatus.CREATED)
	Category define(@Valid @RequestBody Category category, @AuthenticationPrincipal Caller caller) {
		return standings.define(category, caller);
	}

	@Operation(summary = "Deactivate a category",
			description = "County administrators; answers 204. Problems: 403, 404.")
	@PostMapping("/api/v1/categories/{code}/deactivation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deactivate(@PathVariable String code, @AuthenticationPrincipal Caller caller) {
		standings.deactivate(code, caller);
	}

	@Operation(summary = "Grant a person or household a category standing",
			description = "Answers 201. Problems: 403, 404, 409, 422.")
	@PostMapping("/api/v1/standings")
	@ResponseStatus(HttpStatus.CREATED)
	StandingView grant(@Valid @RequestBody NewStanding standing, @AuthenticationPrincipal Caller caller) {
		return standings.grant(standing, caller);
	}

	@PersonalDataRead(subject = "person")
	@Operation(summary = "List a person's standings",
			description = "The person's own standings and those of the household they belong to now, newest first; "
					+ "audited as a personal-data read of the person (a 低保 or 特困 standing is personal data). "
					+ "Staff of a region-scoped unit whose area contains the person's registered residence (any "
					+ "role). Problems: 403 `people.registry-not-for-organisations`/`people.out-of-scope`, 404 "
					+ "`people.person-not-found`.")
	@GetMapping("/api/v1/persons/{id}/standings")
	List<StandingView> standingsOf(@PathVariable PersonId id, @AuthenticationPrincipal Caller caller) {
		return standings.standingsOf(id, caller);
	}

	record NewHousehold(@NotNull PersonId headId, @Nullable @Size(max = 200) String address) {
	}

	record NewMember(@NotNull PersonId personId, @NotNull Relationship relationship) {
	}

}
