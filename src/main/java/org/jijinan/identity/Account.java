package org.jijinan.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A staff account (工作人员账户): who a person is on the platform, the unit they work for, the roles they hold, and
 * the state of their credentials. Failed-login counting is done by {@link LoginAttempts} with one atomic update, so
 * concurrent attempts cannot undercount.
 */
@Table("identity_account")
class Account extends AbstractAggregateRoot<Account> {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

	private final @Id AccountId id;

	private final String username;

	private String displayName;

	private final UnitId unitId;

	@MappedCollection(idColumn = "account_id")
	private Set<RoleGrant> roles;

	private String passwordHash;

	private Instant passwordChangedAt;

	private boolean mustChangePassword;

	private int failedAttempts;

	private @Nullable Instant lockedUntil;

	private boolean disabled;

	private @Nullable String totpSecret;

	private long totpLastStep;

	private @Nullable Instant lastLoginAt;

	private final boolean demo;

	private @Version @Nullable Long version;

	@PersistenceCreator
	Account(AccountId id, String username, String displayName, UnitId unitId, Set<RoleGrant> roles,
			String passwordHash, Instant passwordChangedAt, boolean mustChangePassword, int failedAttempts,
			@Nullable Instant lockedUntil, boolean disabled, @Nullable String totpSecret, long totpLastStep,
			@Nullable Instant lastLoginAt, boolean demo, @Nullable Long version) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.unitId = unitId;
		this.roles = roles;
		this.passwordHash = passwordHash;
		this.passwordChangedAt = passwordChangedAt;
		this.mustChangePassword = mustChangePassword;
		this.failedAttempts = failedAttempts;
		this.lockedUntil = lockedUntil;
		this.disabled = disabled;
		this.totpSecret = totpSecret;
		this.totpLastStep = totpLastStep;
		this.lastLoginAt = lastLoginAt;
		this.demo = demo;
		this.version = version;
	}

	/**
	 * Opens an account with a one-time password that must be changed at the first login.
	 */
	static Account open(NewAccount spec, Unit unit, String oneTimePasswordHash, Instant now, boolean demo) {
		String username = normalise(spec.username());
		if (!USERNAME.matcher(username).matches()) {
			throw new InvalidInput("identity.username-invalid");
		}
		String displayName = requireDisplayName(spec.displayName());
		var account = new Account(AccountId.random(), username, displayName, unit.id(),
				grants(spec.roles(), unit.kind()), oneTimePasswordHash, now, true, 0, null, false, null, 0, null, demo,
				null);
		account.registerEvent(new AccountOpened(account.id, username, unit.id(), spec.roles()));
		return account;
	}

	static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	private static String requireDisplayName(@Nullable String name) {
		if (name == null || name.isBlank() || name.strip().length() > 60) {
			throw new InvalidInput("identity.display-name-invalid");
		}
		return name.strip();
	}

	private static Set<RoleGrant> grants(Set<Role> roles, UnitKind kind) {
		if (roles == null || roles.isEmpty()) {
			throw new InvalidInput("identity.roles-required");
		}
		for (Role role : roles) {
			if (!kind.admits(role)) {
				throw new RuleViolation("identity.role-not-for-unit", role, kind);
			}
		}
		return roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
	}

	void changeRoles(Set<Role> newRoles, UnitKind kind) {
		this.roles = grants(newRoles, kind);
		registerEvent(new AccountRolesChanged(id, Set.copyOf(newRoles)));
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = false;
		registerEvent(new PasswordChanged(id, false));
	}

	void resetPassword(String oneTimeHash, Instant now) {
		this.passwordHash = oneTimeHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = true;
		this.failedAttempts = 0;
		this.lockedUntil = null;
		registerEvent(new PasswordChanged(id, true));
	}

	void unlock() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
		registerEvent(new AccountUnlocked(id));
	}

	/**
	 * Stops the account: no sign-in, session or token of it is honoured any more.
	 */
	void disable() {
		if (disabled) {
			throw new org.jijinan.shared.Conflict("identity.account-already-disabled");
		}
		this.disabled = true;
		registerEvent(new AccountDisabled(id));
	}

	void enable() {
		if (!disabled) {
			throw new org.jijinan.shared.Conflict("identity.account-not-disabled");
		}
		this.disabled = false;
		this.failedAttempts = 0;
		this.lockedUntil = null;
		registerEvent(new AccountEnabled(id));
	}

	void enrolSecondFactor(String sealedSecret, long step) {
		if (totpSecret != null) {
			throw new RuleViolation("identity.totp-already-enrolled");
		}
		this.totpSecret = sealedSecret;
		this.totpLastStep = step;
		registerEvent(new SecondFactorEnrolled(id));
	}

	void acceptSecondFactorStep(long step) {
		if (step <= totpLastStep) {
			throw new RuleViolation("identity.totp-code-reused");
		}
		this.totpLastStep = step;
	}

	void resetSecondFactor() {
		this.totpSecret = null;
		this.totpLastStep = 0;
		registerEvent(new SecondFactorReset(id));
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	boolean passwordExpired(Instant now, java.time.Duration maximumAge) {
		return !maximumAge.isZero() && passwordChangedAt.plus(maximumAge).isBefore(now);
	}

	AccountId id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	UnitId unitId() {
		return unitId;
	}

	Set<Role> roles() {
		Set<Role> held = EnumSet.noneOf(Role.class);
		roles.forEach(grant -> held.add(grant.role()));
		return held;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	boolean disabled() {
		return disabled;
	}

	@Nullable String totpSecret() {
		return totpSecret;
	}

	@Nullable Instant lockedUntil() {
		return lockedUntil;
	}

	@Nullable Instant lastLoginAt() {
		return lastLoginAt;
	}

	boolean demo() {
		return demo;
	}

}
