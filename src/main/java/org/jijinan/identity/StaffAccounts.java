package org.jijinan.identity;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the account behind a login name for the password check, and builds the {@link Staff} principal.
 */
@Component
class StaffAccounts implements UserDetailsService {

	private final Accounts accounts;

	private final Units units;

	private final Clock clock;

	StaffAccounts(Accounts accounts, Units units, Clock clock) {
		this.accounts = accounts;
		this.units = units;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public SignInCredentials loadUserByUsername(String username) {
		Account account = accounts.findByUsername(Account.normalise(username))
			.orElseThrow(() -> new UsernameNotFoundException("unknown"));
		return new SignInCredentials(staff(account), account.passwordHash(), account.isLocked(clock.instant()),
				account.disabled());
	}

	Staff staff(Account account) {
		Unit unit = units.findById(account.unitId()).orElseThrow();
		return new Staff(account.id(), account.username(), account.displayName(), unit.view(), unit.divisionPath(),
				account.roles());
	}

}
