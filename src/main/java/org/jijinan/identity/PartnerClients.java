package org.jijinan.identity;

import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner systems (departments, hospitals, the hotline system, charities): an administrator registers one for a
 * unit in their scope with a set of scopes and hands over a client id and secret, shown once; the system exchanges
 * them for one-hour access tokens (OAuth 2.0 client-credentials grant).
 */
@Service
@Transactional
class PartnerClients {

	private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9-]{1,40}(:[a-z][a-z0-9-]{1,20})?");

	/** The scopes are stored separated by spaces, in at most this many characters. */
	private static final int MAX_SCOPES_LENGTH = 500;

	private final JdbcClient jdbc;

	private final StaffDirectory directory;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final List<PartnerEndpoint> endpoints;

	PartnerClients(JdbcClient jdbc, StaffDirectory directory, Clock clock, ApplicationEventPublisher events,
			List<PartnerEndpoint> endpoints) {
		this.endpoints = List.copyOf(endpoints);
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Registers a system from the clients page, whose scopes field holds the scopes separated by spaces.
	 * @return the client id and its secret, to hand over once
	 */
	RegisteredClient register(String name, UnitId unitId, String scopes, Staff admin) {
		return register(name, unitId, scopes == null ? List.of() : Arrays.asList(scopes.strip().split("\\s+")), admin);
	}

	/**
	 * Registers a system for a unit in the administrator's scope. The secret is kept only as a hash: the answer is
	 * the one time it can be read.
	 * @return the client id and its secret, to hand over once
	 * @throws InvalidInput naming the field at fault: {@code identity.client-name-invalid} ({@code name}),
	 * {@code identity.client-scopes-invalid}, {@code identity.client-scope-unknown} or
	 * {@code identity.client-scope-not-for-unit} ({@code scopes}, or the scope's place in the list as
	 * {@code scopes[1]})
	 */
	RegisteredClient register(String name, UnitId unitId, List<String> scopes, Staff admin) {
		administrator(admin);
		if (name == null || name.isBlank() || name.strip().length() > 100) {
			throw InvalidInput.inField("name", "identity.client-name-invalid");
		}
		UnitKind kind = directory.visible(unitId, admin).view().kind();
		Set<String> granted = admissibleScopes(scopes, kind);
		String clientId = "jjn-client-" + UUID.randomUUID().toString().substring(0, 13);
		String secret = BearerTokens.newToken();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into identity_api_client (id, client_id, name, unit_id, secret_hash, scopes, created_at)
				values (:id, :clientId, :name, :unit, :hash, :scopes, :now)""")
			.param("id", id)
			.param("clientId", clientId)
			.param("name", name.strip())
			.param("unit", unitId.value())
			.param("hash", BearerTokens.hash(secret))
			.param("scopes", String.join(" ", granted))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new TokenIssued(id.toString(), clientId, "CLIENT_REGISTERED"));
		return new RegisteredClient(clientId, secret);
	}

	/**
	 * @return an access token valid for {@link AccessTokens#CLIENT_TOKEN}
	 * @throws org.jijinan.shared.DomainProblem {@code security.client-credentials-invalid} for an unknown or
	 * disabled client or a wrong secret
	 */
	@Transactional(noRollbackFor = InvalidClient.class)
	String exchange(String clientId, String secret) {
		var client = jdbc.sql("select id, secret_hash, disabled from identity_api_client where client_id = :clientId")
			.param("clientId", clientId)
			.query((row, number) -> new Object[] { row.getObject("id", UUID.class), row.getString("secret_hash"),
					row.getBoolean("disabled") })
			.optional();
		byte[] presented = BearerTokens.hash(secret == null ? "" : secret).getBytes();
		if (client.isEmpty() || (Boolean) client.get()[2]
				|| !MessageDigest.isEqual(presented, ((String) client.get()[1]).getBytes())) {
			events.publishEvent(new SignInAttempted(clientId, "CLIENT", "BAD_CREDENTIALS"));
			throw new InvalidClient();
		}
		events.publishEvent(new SignInAttempted(clientId, "CLIENT", "SUCCESS"));
		String token = BearerTokens.newToken();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into identity_access_token (id, name, token_hash, client_id, created_at, expires_at)
				values (:id, 'client-credentials', :hash, :client, :now, :expires)""")
			.param("id", UUID.randomUUID())
			.param("hash", BearerTokens.hash(token))
			.param("client", client.get()[0])
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(AccessTokens.CLIENT_TOKEN)))
			.update();
		return token;
	}

	/**
	 * @return the partner systems of the units in the administrator's scope, newest first, without their secrets
	 */
	@Transactional(readOnly = true)
	List<ClientView> visibleTo(Staff admin) {
		administrator(admin);
		Set<UnitId> units = new java.util.HashSet<>();
		directory.units(admin).forEach(unit -> units.add(unit.id()));
		return jdbc.sql("select client_id, name, unit_id, scopes, disabled, created_at from identity_api_client "
				+ "order by created_at desc")
			.query((row, number) -> new ClientView(row.getString("client_id"), row.getString("name"),
					new UnitId(row.getObject("unit_id", UUID.class)), row.getString("scopes"),
					row.getBoolean("disabled"), row.getTimestamp("created_at").toInstant()))
			.list()
			.stream()
			.filter(client -> units.contains(client.unitId()))
			.toList();
	}

	/**
	 * @return one partner system of a unit in the administrator's scope, without its secret
	 * @throws org.jijinan.shared.NotFound {@code identity.client-unknown} for an unknown system and for one of a
	 * unit outside the scope alike
	 */
	@Transactional(readOnly = true)
	ClientView visibleTo(String clientId, Staff admin) {
		return visibleTo(admin).stream()
			.filter(visible -> visible.clientId().equals(clientId))
			.findFirst()
			.orElseThrow(() -> new NotFound("identity.client-unknown"));
	}

	private static void administrator(Staff admin) {
		if (!admin.administers()) {
			throw new Forbidden("identity.administrator-required");
		}
	}

	/**
	 * @return the scopes, each well-formed, known and admissible for the kind of unit, without repeats
	 */
	private Set<String> admissibleScopes(List<String> scopes, UnitKind kind) {
		if (scopes == null || scopes.isEmpty()) {
			throw InvalidInput.inField("scopes", "identity.client-scopes-invalid");
		}
		Set<String> granted = new TreeSet<>();
		for (int i = 0; i < scopes.size(); i++) {
			String scope = scopes.get(i);
			String field = "scopes[" + i + "]";
			if (scope == null || !SCOPE.matcher(scope).matches()) {
				throw InvalidInput.inField(field, "identity.client-scopes-invalid");
			}
			admissible(scope, kind, field);
			granted.add(scope);
		}
		if (String.join(" ", granted).length() > MAX_SCOPES_LENGTH) {
			throw InvalidInput.inField("scopes", "identity.client-scopes-invalid");
		}
		return granted;
	}

	/**
	 * A scope is granted only to systems of the kinds of unit its endpoints declare; monitoring to any unit.
	 */
	private void admissible(String scope, UnitKind kind, String field) {
		if (scope.equals(SecurityConfiguration.METRICS_SCOPE)) {
			return;
		}
		List<PartnerEndpoint> declaring = endpoints.stream().filter(endpoint -> endpoint.scope().equals(scope)).toList();
		if (declaring.isEmpty()) {
			throw InvalidInput.inField(field, "identity.client-scope-unknown", scope);
		}
		if (declaring.stream().noneMatch(endpoint -> endpoint.holders().contains(kind))) {
			throw InvalidInput.inField(field, "identity.client-scope-not-for-unit", scope);
		}
	}

	record RegisteredClient(String clientId, String secret) {

		@Override
		public String toString() {
			return "RegisteredClient[" + clientId + "]";
		}

	}

	record ClientView(String clientId, String name, UnitId unitId, String scopes, boolean disabled,
			Instant createdAt) {
	}

	static final class InvalidClient extends org.jijinan.shared.DomainProblem {

		InvalidClient() {
			super(org.jijinan.shared.ProblemKind.UNAUTHENTICATED, "security.client-credentials-invalid");
		}

	}

}
