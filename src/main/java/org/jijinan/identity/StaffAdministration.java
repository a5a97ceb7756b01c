package org.jijinan.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do: set up units and open, reset, unlock and re-role accounts, each only inside their own
 * scope (a township administrator manages only its township).
 */
@Service
@Transactional
public class StaffAdministration {

	private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Units units;

	private final Accounts accounts;

	private final StaffDirectory directory;

	private final RegionDirectory regions;

	private final PasswordEncoder encoder;

	private final Clock clock;

	private final org.jijinan.shared.InputShape shape;

	StaffAdministration(Units units, Accounts accounts, StaffDirectory directory, RegionDirectory regions,
			PasswordEncoder encoder, Clock clock, org.jijinan.shared.InputShape shape) {
		this.shape = shape;
		this.units = units;
		this.accounts = accounts;
		this.directory = directory;
		this.regions = regions;
		this.encoder = encoder;
		this.clock = clock;
	}

	/**
	 * @param request the unit to set up
	 * @param admin who sets it up
	 * @return the unit
	 */
	public UnitView establishUnit(NewUnit request, Staff admin) {
		shape.check(request);
		requireAdministrator(admin);
		DivisionView division = regions.require(request.divisionCode());
		String path = regions.path(division.code());
		if (!path.startsWith(admin.unitPath()) || !admin.unit().kind().regionScoped()) {
			throw new Forbidden("identity.out-of-scope");
		}
		if (units.existsByDivisionCodeAndName(division.code().value(), request.name().strip())) {
			throw new Conflict("identity.unit-exists", request.name().strip());
		}
		return units.save(Unit.establish(request.name(), request.kind(), division, path, false)).view();
	}

	/**
	 * @param request the account to open
	 * @param admin who opens it
	 * @return the account with its one-time password
	 */
	public OpenedAccount openAccount(NewAccount request, Staff admin) {
		shape.check(request);
		requireAdministrator(admin);
		Unit unit = directory.visible(request.unitId(), admin);
		return open(request, unit, false);
	}

	OpenedAccount open(NewAccount request, Unit unit, boolean demo) {
		requireFree(request);
		String oneTimePassword = oneTimePassword();
		return opened(request, unit, oneTimePassword, encoder.encode(oneTimePassword), demo);
	}

	/**
	 * Opens the demo accounts, in the order given, hashing their passwords on every core at once: each hash takes
	 * over a tenth of a second by design, and a first start waits for them.
	 */
	List<OpenedAccount> openDemo(List<DemoOpening> openings) {
		openings.forEach(opening -> requireFree(opening.request()));
		List<String> passwords = openings.stream().map(opening -> oneTimePassword()).toList();
		List<String> hashes = passwords.parallelStream().map(encoder::encode).toList();
		List<OpenedAccount> opened = new ArrayList<>();
		for (int i = 0; i < openings.size(); i++) {
			DemoOpening opening = openings.get(i);
			opened.add(opened(opening.request(), opening.unit(), passwords.get(i), hashes.get(i), true));
		}
		return opened;
	}

	/**
	 * @param request the account
	 * @param unit its unit
	 */
	record DemoOpening(NewAccount request, Unit unit) {
	}

	private void requireFree(NewAccount request) {
		if (accounts.existsByUsername(Account.normalise(request.username()))) {
			throw new Conflict("identity.username-taken", Account.normalise(request.username()));
		}
	}

	private OpenedAccount opened(NewAccount request, Unit unit, String oneTimePassword, String hash, boolean demo) {
		Account account = Account.open(request, unit, hash, clock.instant(), demo);
		return new OpenedAccount(AccountView.of(accounts.save(account), clock.instant()), oneTimePassword);
	}

	/**
	 * Sets or clears the office phone applicants of the unit are told to call.
	 */
	public UnitView changeOfficePhone(UnitId id, @Nullable String typed, Staff admin) {
		requireAdministrator(admin);
		Unit unit = directory.visible(id, admin);
		unit.changeOfficePhone(typed);
		return units.save(unit).view();
	}

	/**
	 * @return the new one-time password, to hand to the person
	 */
	public String resetPassword(AccountId id, Staff admin) {
		Account account = managed(id, admin);
		String oneTimePassword = oneTimePassword();
		account.resetPassword(encoder.encode(oneTimePassword), clock.instant());
		accounts.save(account);
		return oneTimePassword;
	}

	/**
	 * Lifts a lockout.
	 */
	public AccountView unlock(AccountId id, Staff admin) {
		Account account = managed(id, admin);
		account.unlock();
		return AccountView.of(accounts.save(account), clock.instant());
	}

	/**
	 * Stops an account (停用) of someone who left or must not act any more; administrators cannot stop their own.
	 */
	public AccountView disable(AccountId id, Staff admin) {
		if (id.equals(admin.accountId())) {
			throw new RuleViolation("identity.cannot-disable-self");
		}
		Account account = managed(id, admin);
		account.disable();
		return AccountView.of(accounts.save(account), clock.instant());
	}

	/**
	 * Puts a stopped account back in use.
	 */
	public AccountView enable(AccountId id, Staff admin) {
		Account account = managed(id, admin);
		account.enable();
		return AccountView.of(accounts.save(account), clock.instant());
	}

	/**
	 * Replaces the roles of an account.
	 */
	public AccountView changeRoles(AccountId id, Set<Role> roles, Staff admin) {
		Account account = managed(id, admin);
		Unit unit = units.findById(account.unitId()).orElseThrow();
		account.changeRoles(roles, unit.kind());
		return AccountView.of(accounts.save(account), clock.instant());
	}

	/**
	 * Removes a second factor so the person can enrol a new device.
	 */
	public AccountView resetSecondFactor(AccountId id, Staff admin) {
		Account account = managed(id, admin);
		account.resetSecondFactor();
		return AccountView.of(accounts.save(account), clock.instant());
	}

	private Account managed(AccountId id, Staff admin) {
		requireAdministrator(admin);
		Account account = accounts.findById(id).orElseThrow(() -> new NotFound("identity.account-not-found"));
		directory.visible(account.unitId(), admin);
		return account;
	}

	private static void requireAdministrator(Staff admin) {
		if (!admin.administers()) {
			throw new Forbidden("identity.administrator-required");
		}
	}

	static String oneTimePassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
		}
		return password.toString();
	}

}
