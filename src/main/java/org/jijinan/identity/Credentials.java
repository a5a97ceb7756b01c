package org.jijinan.identity;

import java.time.Clock;
import java.util.List;

import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own credentials: changing their password and enrolling and using a TOTP second factor. The TOTP secret
 * is stored sealed.
 */
@Service
@Transactional
class Credentials implements SealedColumns {

	static final String TOTP_PURPOSE = "identity.totp-secret";

	private final Accounts accounts;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final SecondFactor totp;

	private final Sealer sealer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Credentials(Accounts accounts, PasswordPolicy policy, PasswordEncoder encoder, SecondFactor totp, Sealer sealer,
			Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.policy = policy;
		this.encoder = encoder;
		this.totp = totp;
		this.sealer = sealer;
		this.clock = clock;
		this.events = events;
	}

	void changePassword(AccountId id, String current, String replacement, String confirmation) {
		Account account = accounts.findById(id).orElseThrow();
		if (!encoder.matches(current, account.passwordHash())) {
			throw new RuleViolation("identity.current-password-wrong");
		}
		if (!replacement.equals(confirmation)) {
			throw new RuleViolation("identity.password-confirmation-differs");
		}
		if (encoder.matches(replacement, account.passwordHash())) {
			throw new RuleViolation("identity.password-unchanged");
		}
		policy.check(replacement, account.username());
		account.changePassword(encoder.encode(replacement), clock.instant());
		accounts.save(account);
	}

	@Transactional(noRollbackFor = RuleViolation.class)
	void enrol(AccountId id, String secret, String code) {
		Account account = accounts.findById(id).orElseThrow();
		long step = totp.matchingStep(secret, code);
		if (step < 0) {
			events.publishEvent(new SignInAttempted(account.username(), "TOTP", "BAD_CODE"));
			throw new RuleViolation("identity.totp-code-wrong");
		}
		account.enrolSecondFactor(sealer.seal(secret, TOTP_PURPOSE), step);
		accounts.save(account);
	}

	@Transactional(noRollbackFor = RuleViolation.class)
	void verify(AccountId id, String code) {
		Account account = accounts.findById(id).orElseThrow();
		String secret = sealer.open(account.totpSecret(), TOTP_PURPOSE);
		long step = totp.matchingStep(secret, code);
		if (step < 0) {
			events.publishEvent(new SignInAttempted(account.username(), "TOTP", "BAD_CODE"));
			throw new RuleViolation("identity.totp-code-wrong");
		}
		try {
			account.acceptSecondFactorStep(step);
		}
		catch (RuleViolation reused) {
			events.publishEvent(new SignInAttempted(account.username(), "TOTP", "REUSED_CODE"));
			throw reused;
		}
		accounts.save(account);
		events.publishEvent(new SignInAttempted(account.username(), "TOTP", "SUCCESS"));
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("identity_account", "totp_secret", TOTP_PURPOSE));
	}
}
