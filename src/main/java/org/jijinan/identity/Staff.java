package org.jijinan.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member as the rest of the platform sees them: account, unit, roles and data scope. Kept in
 * the session (hence serialisable); the password hash is erased after authentication.
 *
 * @param accountId the account
 * @param username the login name
 * @param displayName the person's name
 * @param unit the unit they work for
 * @param unitPath the unit's division path in the region tree
 * @param roleSet the roles they hold
 * @param passwordHash the hash, present only while authenticating
 * @param locked whether a lockout is in force
 * @param disabled whether the account is switched off
 */
public record Staff(AccountId accountId, String username, String displayName, UnitView unit, String unitPath,
		Set<Role> roleSet, @Nullable String passwordHash, boolean locked, boolean disabled)
		implements UserDetails, CredentialsContainer, Caller, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The authority every fully signed-in staff member has. */
	static final String FULLY_SIGNED_IN = "STAFF";

	@Override
	public String name() {
		return username;
	}

	@Override
	public Set<String> roles() {
		return roleSet.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public @Nullable DivisionCode regionScope() {
		return unit.kind().regionScoped() ? unit.divisionCode() : null;
	}

	/**
	 * @return whether the person holds the administrator role
	 */
	public boolean administers() {
		return roleSet.contains(Role.ADMINISTRATOR);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(FULLY_SIGNED_IN));
		roleSet.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return authorities;
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return !disabled;
	}

	@Override
	public void eraseCredentials() {
		// records are immutable: SignInGates replaces the principal with a copy without the hash
	}

	Staff withoutPassword() {
		return new Staff(accountId, username, displayName, unit, unitPath, roleSet, null, locked, disabled);
	}

}
