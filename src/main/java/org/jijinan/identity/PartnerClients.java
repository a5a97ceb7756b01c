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
	 * @return the client id and its secret, to hand over once
	 */
	RegisteredClient register(String name, UnitId unitId, String scopes, Staff admin) {
		if (!admin.administers()) {
			throw new Forbidden("identity.administrator-required");
		}
		UnitKind kind = directory.visible(unitId, admin).view().kind();
		Set<String> granted = parseScopes(scopes);
		granted.forEach(scope -> admissible(scope, kind));
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new InvalidInput("identity.client-name-invalid");
		}
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

	@Transactional(readOnly = true)
	List<ClientView> visibleTo(Staff admin) {
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
	 * A scope is granted only to systems of the kinds of unit its endpoints declare; monitoring to any unit.
	 */
	private void admissible(String scope, UnitKind kind) {
		if (scope.equals(SecurityConfiguration.METRICS_SCOPE)) {
			return;
		}
		List<PartnerEndpoint> declaring = endpoints.stream().filter(endpoint -> endpoint.scope().equals(scope)).toList();
		if (declaring.isEmpty()) {
			throw new InvalidInput("identity.client-scope-unknown", scope);
		}
		if (declaring.stream().noneMatch(endpoint -> endpoint.holders().contains(kind))) {
			throw new InvalidInput("identity.client-scope-not-for-unit", scope);
		}
	}

	private static Set<String> parseScopes(String scopes) {
		Set<String> granted = new TreeSet<>(Arrays.asList(scopes == null ? new String[0] : scopes.strip().split("\\s+")));
		granted.remove("");
		if (granted.isEmpty() || !granted.stream().allMatch(scope -> SCOPE.matcher(scope).matches())) {
			throw new InvalidInput("identity.client-scopes-invalid");
		}
		return granted;
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
