package org.jijinan.identity;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * What the password check sees of an account: its hash and whether it is locked or disabled. Grants no authority:
 * only {@link SignInGates} turns a checked password into a session that can do something. The hash is erased as
 * soon as the check is done, so it never reaches the session store.
 */
final class SignInCredentials implements UserDetails, CredentialsContainer {

	private final Staff staff;

	private @Nullable String passwordHash;

	private final boolean locked;

	private final boolean disabled;

	SignInCredentials(Staff staff, String passwordHash, boolean locked, boolean disabled) {
		this.staff = staff;
		this.passwordHash = passwordHash;
		this.locked = locked;
		this.disabled = disabled;
	}

	Staff staff() {
		return staff;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of();
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return staff.username();
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
		passwordHash = null;
	}

}
