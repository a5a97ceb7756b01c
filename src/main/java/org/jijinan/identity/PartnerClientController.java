package org.jijinan.identity;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner systems over the API, for the administrators who may register them on the clients page and under the same
 * rules ({@link PartnerClients}): a system acts for one unit in the administrator's scope, with scopes that kind of
 * unit may hold, and its secret is shown in the answer to the registration only.
 */
@RestController
@RequestMapping("/api/v1/partner-clients")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class PartnerClientController {

	private final PartnerClients clients;

	PartnerClientController(PartnerClients clients) {
		this.clients = clients;
	}

	@Operation(summary = "Register a partner system",
			description = "`ADMINISTRATOR` only, for a unit in their scope, as on the clients page; audited "
					+ "(`identity.token-issued`, kind `CLIENT_REGISTERED`). Answers 201 with `Location` and the "
					+ "`clientId` and `secret` to hand over: the secret is in this answer only and can never be read "
					+ "again. The system exchanges them at `POST /api/v1/oauth2/token`. Problems: 400 "
					+ "`identity.client-name-invalid` (field `name`), 400 `identity.client-scopes-invalid`/"
					+ "`identity.client-scope-unknown`/`identity.client-scope-not-for-unit` (field `scopes` or "
					+ "`scopes[i]`), 400 `request.invalid-field`/`request.invalid-field-value` (field `unitId`), 403 "
					+ "`security.access-denied` for anyone but an administrator, 403 `identity.out-of-scope` for a unit "
					+ "outside their scope, 404 `identity.unit-not-found`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping
	ResponseEntity<Issued> register(@Valid @RequestBody Registration registration,
			@AuthenticationPrincipal Staff admin) {
		var registered = clients.register(registration.name(), registration.unitId(), registration.scopes(), admin);
		var view = clients.visibleTo(registered.clientId(), admin);
		return ResponseEntity.created(URI.create("/api/v1/partner-clients/" + registered.clientId()))
			.body(new Issued(registered.clientId(), registered.secret(), view.name(), view.unitId(), scopes(view)));
	}

	@Operation(summary = "List the partner systems",
			description = "`ADMINISTRATOR` only: the systems of the units in their scope, newest first, never their "
					+ "secrets. Problems: 403 `security.access-denied`.")
	@GetMapping
	List<View> list(@AuthenticationPrincipal Staff admin) {
		return clients.visibleTo(admin).stream().map(PartnerClientController::view).toList();
	}

	@Operation(summary = "Read a partner system",
			description = "`ADMINISTRATOR` only, for a system of a unit in their scope; never its secret. Problems: 403 "
					+ "`security.access-denied`, 404 `identity.client-unknown` (also for a system outside the scope).")
	@GetMapping("/{clientId}")
	View read(@PathVariable String clientId, @AuthenticationPrincipal Staff admin) {
		return view(clients.visibleTo(clientId, admin));
	}

	private static View view(PartnerClients.ClientView client) {
		return new View(client.clientId(), client.name(), client.unitId(), scopes(client), client.disabled(),
				client.createdAt());
	}

	private static List<String> scopes(PartnerClients.ClientView client) {
		return Arrays.asList(client.scopes().split(" "));
	}

	/**
	 * @param name the system's name, at most 100 characters
	 * @param unitId the unit it acts for
	 * @param scopes what it may do, such as {@code help-requests:write}
	 */
	record Registration(@Schema(example = "共和县住房和城乡建设局危房改造系统") @Nullable String name, @NotNull UnitId unitId,
			@Schema(example = "[\"assistance-records:write\"]") @Nullable List<String> scopes) {
	}

	/**
	 * A registered system's credentials, answered once.
	 *
	 * @param clientId the client's public identifier
	 * @param secret its secret: this answer is the only time it can be read
	 */
	record Issued(String clientId, String secret, String name, UnitId unitId, List<String> scopes) {

		@Override
		public String toString() {
			return "Issued[" + clientId + "]";
		}

	}

	/**
	 * A registered system, without its secret.
	 */
	record View(String clientId, String name, UnitId unitId, List<String> scopes, boolean disabled,
			Instant createdAt) {
	}

}
