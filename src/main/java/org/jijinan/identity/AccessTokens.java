package org.jijinan.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens of staff (never broader than their owner, expiring) and short-lived access tokens of
 * partner clients, all stored as hashes.
 */
@Component
class AccessTokens {

	static final Duration LONGEST_PERSONAL = Duration.ofDays(90);

	static final Duration CLIENT_TOKEN = Duration.ofHours(1);

	/** The authority every authenticated partner client has. */
	static final String CLIENT = "CLIENT";

	/** The authority a call made with a staff member's personal token has besides the token's roles. */
	static final String PERSONAL_TOKEN = "PERSONAL_TOKEN";

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final StaffAccounts staff;

	private final Units units;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccessTokens(JdbcClient jdbc, Accounts accounts, StaffAccounts staff, Units units, Clock clock,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.staff = staff;
		this.units = units;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * @return who the token names and until when, or {@code null} when it is unknown, expired or revoked, or its
	 * owner stopped
	 */
	@Transactional(readOnly = true)
	@Nullable Presented authenticate(String hash) {
		Optional<StoredToken> found = jdbc.sql("""
				select id, account_id, client_id, roles, expires_at from identity_access_token
				 where token_hash = :hash and revoked_at is null and expires_at > :now""")
			.param("hash", hash)
			.param("now", Timestamp.from(clock.instant()))
			.query(StoredToken.class)
			.optional();
		return found.map(token -> {
			Authentication authentication = token.accountId() != null ? personal(token) : client(token);
			return authentication == null ? null : new Presented(authentication, token.expiresAt());
		}).orElse(null);
	}

	/**
	 * What a valid token stands for.
	 *
	 * @param authentication its holder with the authorities it grants
	 * @param expiresAt when it stops being valid
	 */
	record Presented(Authentication authentication, Instant expiresAt) {
	}

	private @Nullable Authentication personal(StoredToken token) {
		Account account = accounts.findById(new AccountId(token.accountId())).orElse(null);
		// A password lockout stops password sign-in only: anyone who knows a user name can cause one, and it must not
		// stop that person's integrations.
		if (account == null || account.disabled()) {
			return null;
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roles.addAll(account.roles());
		roles.retainAll(parseRoles(token.roles()));
		Staff narrowed = staff.staff(account).narrowedTo(roles);
		List<GrantedAuthority> authorities = new ArrayList<>(narrowed.fullAuthorities());
		authorities.add(new SimpleGrantedAuthority(PERSONAL_TOKEN));
		return new UsernamePasswordAuthenticationToken(narrowed, null, authorities);
	}

	private @Nullable Authentication client(StoredToken token) {
		return jdbc.sql("select client_id, name, unit_id, scopes, disabled from identity_api_client where id = :id")
			.param("id", token.clientId())
			.query((row, number) -> row.getBoolean("disabled") ? null
					: clientAuthentication(row.getString("client_id"), row.getString("name"),
							new UnitId(row.getObject("unit_id", UUID.class)), row.getString("scopes")))
			.optional()
			.orElse(null);
	}

	private Authentication clientAuthentication(String clientId, String name, UnitId unitId, String scopes) {
		Set<String> granted = Arrays.stream(scopes.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
		var client = new PartnerClient(clientId, name, units.findById(unitId).orElseThrow().view(), granted);
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(CLIENT));
		granted.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
		return new UsernamePasswordAuthenticationToken(client, null, authorities);
	}

	/**
	 * @return the token, shown to its owner once and never stored in clear
	 */
	@Transactional
	String issuePersonal(Staff owner, String name, Set<Role> roles, Duration validity) {
		if (validity.isNegative() || validity.isZero() || validity.compareTo(LONGEST_PERSONAL) > 0) {
			throw new RuleViolation("identity.token-validity", LONGEST_PERSONAL.toDays());
		}
		if (roles.isEmpty() || !owner.roleSet().containsAll(roles)) {
			throw new RuleViolation("identity.token-broader-than-owner");
		}
		String token = BearerTokens.newToken();
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into identity_access_token (id, name, token_hash, account_id, roles, created_at, expires_at)
				values (:id, :name, :hash, :account, :roles, :now, :expires)""")
			.param("id", id)
			.param("name", name)
			.param("hash", BearerTokens.hash(token))
			.param("account", owner.accountId().value())
			.param("roles", roles.stream().map(Role::name).sorted().collect(Collectors.joining(" ")))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(validity)))
			.update();
		events.publishEvent(new TokenIssued(id.toString(), owner.username(), "PERSONAL"));
		return token;
	}

	/**
	 * A new password (changed or reset) ends every personal token of its owner: whoever knew the old password may
	 * have minted one.
	 */
	@EventListener
	void on(PasswordChanged changed) {
		revokeAllOf(changed.accountId());
	}

	/**
	 * New roles end every personal token of their owner; the owner mints new ones for what they now do.
	 */
	@EventListener
	void on(AccountRolesChanged changed) {
		revokeAllOf(changed.accountId());
	}

	/**
	 * A stopped account's tokens end for good: putting it back in use does not revive them.
	 */
	@EventListener
	void on(AccountDisabled disabled) {
		revokeAllOf(disabled.accountId());
	}

	private void revokeAllOf(AccountId owner) {
		String username = accounts.findById(owner).map(Account::username).orElse(owner.toString());
		jdbc.sql("""
				update identity_access_token set revoked_at = :now
				 where account_id = :owner and revoked_at is null and expires_at > :now returning id""")
			.param("now", Timestamp.from(clock.instant()))
			.param("owner", owner.value())
			.query(UUID.class)
			.list()
			.forEach(id -> events.publishEvent(new TokenRevoked(id.toString(), username)));
	}

	@Transactional(readOnly = true)
	List<PersonalToken> personalTokens(AccountId owner) {
		return jdbc.sql("""
				select id, name, roles, created_at, expires_at, revoked_at from identity_access_token
				 where account_id = :owner order by created_at desc""")
			.param("owner", owner.value())
			.query((row, number) -> new PersonalToken(row.getObject("id", UUID.class), row.getString("name"),
					parseRoles(row.getString("roles")), row.getTimestamp("created_at").toInstant(),
					row.getTimestamp("expires_at").toInstant(),
					row.getTimestamp("revoked_at") == null ? null : row.getTimestamp("revoked_at").toInstant()))
			.list();
	}

	@Transactional
	void revokePersonal(UUID tokenId, Staff owner) {
		int revoked = jdbc.sql("""
				update identity_access_token set revoked_at = :now
				 where id = :id and account_id = :owner and revoked_at is null""")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", tokenId)
			.param("owner", owner.accountId().value())
			.update();
		if (revoked == 0) {
			throw new org.jijinan.shared.NotFound("identity.token-not-found");
		}
		events.publishEvent(new TokenRevoked(tokenId.toString(), owner.username()));
	}

	private static Set<Role> parseRoles(String text) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : text.split(" ")) {
			if (!name.isEmpty()) {
				roles.add(Role.valueOf(name));
			}
		}
		return roles;
	}

	/**
	 * A personal token as its owner sees it (never the token itself).
	 */
	record PersonalToken(UUID id, String name, Set<Role> roles, Instant createdAt, Instant expiresAt,
			@Nullable Instant revokedAt) {

		public boolean activeAt(Instant now) {
			return revokedAt == null && expiresAt.isAfter(now);
		}

	}

	record StoredToken(UUID id, @Nullable UUID accountId, @Nullable UUID clientId, @Nullable String roles,
			Instant expiresAt) {
	}

}
