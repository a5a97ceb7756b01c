package org.jijinan.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jijinan.shared.Forbidden;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Units, accounts and personal tokens over the API, each within the caller's scope.
 */
@RestController
@RequestMapping("/api/v1")
class IdentityController {

	private final StaffDirectory directory;

	private final StaffAdministration administration;

	private final AccessTokens tokens;

	IdentityController(StaffDirectory directory, StaffAdministration administration, AccessTokens tokens) {
		this.directory = directory;
		this.administration = administration;
		this.tokens = tokens;
	}

	@Operation(summary = "Read the signed-in account",
			description = "Any signed-in staff member: the account, its unit and its roles (with a personal token, "
					+ "the token's roles).")
	@GetMapping("/me")
	Me me(@AuthenticationPrincipal Staff staff) {
		return new Me(staff.accountId(), staff.username(), staff.displayName(), staff.unit(), staff.roleSet());
	}

	@Operation(summary = "List units in the caller's scope",
			description = "Any signed-in staff member: staff of a region-scoped unit see every unit of their region "
					+ "subtree; staff of a department, hospital, charity or agency see their own unit only.")
	@GetMapping("/units")
	List<UnitView> units(@AuthenticationPrincipal Staff staff) {
		return directory.units(staff);
	}

	@Operation(summary = "Read a unit", description = "Problems: 403 `identity.out-of-scope`, 404.")
	@GetMapping("/units/{id}")
	UnitView unit(@PathVariable UnitId id, @AuthenticationPrincipal Staff staff) {
		return directory.unit(id, staff);
	}

	@Operation(summary = "Establish a unit",
			description = "Administrators, within their scope; answers 201. Problems: 403, 409, 422.")
	@PostMapping("/units")
	@ResponseStatus(HttpStatus.CREATED)
	UnitView establish(@Valid @RequestBody NewUnit request, @AuthenticationPrincipal Staff staff) {
		return administration.establishUnit(request, staff);
	}

	@Operation(summary = "List a unit's accounts", description = "Administrators within their scope.")
	@GetMapping("/units/{id}/accounts")
	List<AccountView> accounts(@PathVariable UnitId id, @AuthenticationPrincipal Staff staff) {
		return directory.accountsOf(id, staff);
	}

	@Operation(summary = "Read an account", description = "Administrators within their scope. Problems: 403, 404.")
	@GetMapping("/accounts/{id}")
	AccountView account(@PathVariable AccountId id, @AuthenticationPrincipal Staff staff) {
		return directory.account(id, staff);
	}

	@Operation(summary = "Open an account",
			description = "Administrators within their scope; answers 201 with a one-time password shown once. "
					+ "Problems: 403, 409 (the login name is taken), 422.")
	@PostMapping("/accounts")
	@ResponseStatus(HttpStatus.CREATED)
	OpenedAccount open(@Valid @RequestBody NewAccount request, @AuthenticationPrincipal Staff staff) {
		return administration.openAccount(request, staff);
	}

	@Operation(summary = "Change an account's roles",
			description = "Administrators within their scope; revokes the account's personal tokens. Problems: 403, "
					+ "404.")
	@PutMapping("/accounts/{id}/roles")
	AccountView changeRoles(@PathVariable AccountId id, @Valid @RequestBody RoleChange change,
			@AuthenticationPrincipal Staff staff) {
		return administration.changeRoles(id, change.roles(), staff);
	}

	@Operation(summary = "Unlock an account's password sign-in",
			description = "Administrators within their scope. Problems: 403, 404.")
	@PostMapping("/accounts/{id}/unlocking")
	AccountView unlock(@PathVariable AccountId id, @AuthenticationPrincipal Staff staff) {
		return administration.unlock(id, staff);
	}

	@Operation(summary = "Stop an account (停用)",
			description = "Administrators within their scope, not their own account. Ends the account's sessions and "
					+ "personal tokens at once; its sign-in is refused until it is put back in use. Problems: 403, 404, "
					+ "409 `identity.account-already-disabled`, 422 `identity.cannot-disable-self`.")
	@PostMapping("/accounts/{id}/disabling")
	AccountView disable(@PathVariable AccountId id, @AuthenticationPrincipal Staff staff) {
		return administration.disable(id, staff);
	}

	@Operation(summary = "Put a stopped account back in use",
			description = "Administrators within their scope; the tokens ended when it was stopped stay ended. "
					+ "Problems: 403, 404, 409 `identity.account-not-disabled`.")
	@PostMapping("/accounts/{id}/enabling")
	AccountView enable(@PathVariable AccountId id, @AuthenticationPrincipal Staff staff) {
		return administration.enable(id, staff);
	}

	@Operation(summary = "Issue a personal access token",
			description = "From a signed-in session only (403 `identity.token-needs-session` with a token), at most 90 "
					+ "days, roles a subset of the owner's; answers 201 with the token, shown once.")
	@PostMapping("/personal-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> issueToken(@Valid @RequestBody TokenRequest request, @AuthenticationPrincipal Staff staff,
			Authentication authentication) {
		if (authentication.getAuthorities()
			.stream()
			.anyMatch(granted -> AccessTokens.PERSONAL_TOKEN.equals(granted.getAuthority()))) {
			// A stolen token must not be able to outlive itself: new tokens come from a signed-in session only.
			throw new Forbidden("identity.token-needs-session");
		}
		String token = tokens.issuePersonal(staff, request.name(), request.roles(), Duration.ofDays(request.days()));
		return Map.of("token", token);
	}

	record Me(AccountId accountId, String username, String displayName, UnitView unit, Set<Role> roles) {
	}

	record RoleChange(@NotEmpty Set<Role> roles) {
	}

	record TokenRequest(@NotBlank @Size(max = 60) String name, @NotEmpty Set<Role> roles, @Min(1) @Max(90) int days) {
	}

}
