package org.jijinan.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in staff member as the rest of the platform sees them: account, unit, roles and data scope. Kept in
 * the session (hence serialisable); it never holds a password hash.
 *
 * @param accountId the account
 * @param username the login name
 * @param displayName the person's name
 * @param unit the unit they work for
 * @param unitPath the unit's division path in the region tree
 * @param roleSet the roles they hold
 */
public record Staff(AccountId accountId, String username, String displayName, UnitView unit, String unitPath,
		Set<Role> roleSet) implements AuthenticatedPrincipal, Caller, Serializable {

	@Serial
	private static final long serialVersionUID = 2L;

	/** The authority every fully signed-in staff member has. */
	static final String FULLY_SIGNED_IN = "STAFF";

	@Override
	public String name() {
		return username;
	}

	@Override
	public String getName() {
		return username;
	}

	@Override
	public Set<String> roles() {
		return roleSet.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public String organisation() {
		return unit.name();
	}

	@Override
	public @Nullable DivisionCode regionScope() {
		return unit.kind().regionScoped() ? unit.divisionCode() : null;
	}

	@Override
	public DivisionCode homeDivision() {
		return unit.divisionCode();
	}

	/**
	 * @return whether the person holds the administrator role
	 */
	public boolean administers() {
		return roleSet.contains(Role.ADMINISTRATOR);
	}

	/**
	 * @return the authorities of a session that has passed every sign-in gate
	 */
	List<GrantedAuthority> fullAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority(FULLY_SIGNED_IN));
		roleSet.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return authorities;
	}

	Staff narrowedTo(Set<Role> roles) {
		return new Staff(accountId, username, displayName, unit, unitPath, Set.copyOf(roles));
	}

}
