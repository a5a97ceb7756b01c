package org.jijinan.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jijinan.shared.Forbidden;
import org.jijinan.shared.NotFound;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works where, as far as the viewer's scope reaches: staff of a region-scoped unit see the units and accounts
 * of their region subtree; staff of a department, charity or agency see their own unit only. Anything outside is
 * refused ({@code identity.out-of-scope}), never silently filtered.
 */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

	private final Units units;

	private final Accounts accounts;

	private final Clock clock;

	private final JdbcClient jdbc;

	StaffDirectory(Units units, Accounts accounts, Clock clock, JdbcClient jdbc) {
		this.units = units;
		this.accounts = accounts;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/**
	 * The active staff of the units at one division who hold one of the roles: the people work there may go to.
	 * @param divisionPath the division's path, such as {@code /630000/632500/632521/632521101/}
	 * @param roles role names
	 * @return names and user names only, by name
	 */
	public List<Colleague> colleagues(String divisionPath, Set<String> roles) {
		return jdbc.sql("""
				select a.username, min(a.display_name) from identity_account a
				  join identity_unit u on u.id = a.unit_id
				  join identity_account_role r on r.account_id = a.id
				 where u.division_path = :path and r.role in (:roles) and not a.disabled
				 group by a.username order by min(a.display_name), a.username""")
			.param("path", divisionPath)
			.param("roles", roles)
			.query((row, number) -> new Colleague(row.getString(1), row.getString(2)))
			.list();
	}

	/**
	 * @param unit a unit
	 * @param roles role names
	 * @return the login names of the unit's active accounts holding one of the roles, in order
	 */
	public List<String> accountsHolding(UnitId unit, Set<String> roles) {
		return jdbc.sql("""
				select distinct a.username from identity_account a
				  join identity_account_role r on r.account_id = a.id
				 where a.unit_id = :unit and r.role in (:roles) and not a.disabled order by a.username""")
			.param("unit", unit.value())
			.param("roles", roles)
			.query(String.class)
			.list();
	}

	/**
	 * @param username a login name
	 * @param roles role names
	 * @return whether the account is active and holds one of the roles
	 */
	public boolean holdsAnyRole(String username, Set<String> roles) {
		return jdbc.sql("""
				select count(*) from identity_account a join identity_account_role r on r.account_id = a.id
				 where a.username = :username and not a.disabled and r.role in (:roles)""")
			.param("username", username)
			.param("roles", roles)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @param account an account's id
	 * @return the name people know the account's holder by
	 */
	public Optional<String> displayNameOf(java.util.UUID account) {
		return jdbc.sql("select display_name from identity_account where id = :id")
			.param("id", account)
			.query(String.class)
			.optional();
	}

	/**
	 * @param username a login name
	 * @return the name people know the account's holder by
	 */
	public Optional<String> displayName(String username) {
		return jdbc.sql("select display_name from identity_account where username = :username")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	/**
	 * @param usernames login names
	 * @return the display names of those that are accounts, by login name, in one read per thousand
	 */
	public Map<String, String> displayNames(Collection<String> usernames) {
		Map<String, String> names = new HashMap<>();
		List<String> all = List.copyOf(usernames);
		for (int from = 0; from < all.size(); from += 1000) {
			jdbc.sql("select username, display_name from identity_account where username in (:usernames)")
				.param("usernames", all.subList(from, Math.min(all.size(), from + 1000)))
				.query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
				.list()
				.forEach(entry -> names.put(entry.getKey(), entry.getValue()));
		}
		return names;
	}

	/**
	 * @param username a login name
	 * @return the office phone of the person's unit, which applicants may be told to call, if the unit gave one
	 */
	public Optional<String> officePhoneOf(String username) {
		return jdbc.sql("""
				select u.office_phone from identity_account a join identity_unit u on u.id = a.unit_id
				 where a.username = :username and u.office_phone is not null""")
			.param("username", username)
			.query(String.class)
			.optional();
	}

	/**
	 * Names the people behind login names, as records and lists show them (name and unit). Names and units of staff
	 * are facts every administrator may read; login names that are not staff (a partner system, {@code system}) are
	 * left out.
	 * @param usernames login names
	 * @return the staff among them, by login name
	 */
	public Map<String, NamedStaff> named(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select a.username, a.display_name, u.name from identity_account a
				  join identity_unit u on u.id = a.unit_id where a.username in (:usernames)""")
			.param("usernames", Set.copyOf(usernames))
			.query((row, number) -> new NamedStaff(row.getString(1), row.getString(2), row.getString(3)))
			.list()
			.stream()
			.collect(Collectors.toMap(NamedStaff::username, staff -> staff));
	}

	/**
	 * @param name part of a display name, such as a surname
	 * @return the login names of the staff whose name contains it (at most 500)
	 */
	public List<String> usernamesNamed(String name) {
		return jdbc.sql("""
				select username from identity_account where strpos(display_name, :name) > 0
				 order by username limit 500""")
			.param("name", name)
			.query(String.class)
			.list();
	}

	/**
	 * @param name part of a display name, such as a surname
	 * @return how records name the accounts of the staff whose name contains it: each account's id and login name (at
	 *     most 500 accounts)
	 */
	public List<String> accountsNamed(String name) {
		return jdbc.sql("""
				select id::text, username from identity_account where strpos(display_name, :name) > 0
				 order by username limit 500""")
			.param("name", name)
			.query((row, number) -> List.of(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.flatMap(List::stream)
			.toList();
	}

	/**
	 * A member of staff as a record names them.
	 *
	 * @param username the login name
	 * @param displayName the name people know them by
	 * @param unitName the name of their unit
	 */
	public record NamedStaff(String username, String displayName, String unitName) {
	}

	/**
	 * A member of staff as colleagues choose them: the name shown and the login name the choice is made with.
	 *
	 * @param username the login name
	 * @param displayName the name shown
	 */
	public record Colleague(String username, String displayName) {
	}

	/**
	 * @param viewer who asks
	 * @return the units the viewer may see
	 */
	public List<UnitView> units(Staff viewer) {
		if (!viewer.unit().kind().regionScoped()) {
			return List.of(viewer.unit());
		}
		return units.findWithin(viewer.unitPath()).stream().map(Unit::view).toList();
	}

	/**
	 * The units a case of a county may be referred to (转办): every unit of the county except village committees.
	 * Unit names and kinds are public facts; no account is shown.
	 * @param countyPath the county's division path, such as {@code /630000/632500/632521/}
	 * @return the units, by division and name
	 */
	public List<UnitView> referralTargets(String countyPath) {
		return units.findWithin(countyPath)
			.stream()
			.map(Unit::view)
			.filter(unit -> unit.kind() != UnitKind.VILLAGE_COMMITTEE)
			.toList();
	}

	/**
	 * @param id a unit
	 * @return the unit, whoever asks (names and kinds of units are public facts)
	 */
	public java.util.Optional<UnitView> unit(UnitId id) {
		return units.findById(id).map(Unit::view);
	}

	/**
	 * @param id a unit
	 * @param viewer who asks
	 * @return the unit
	 */
	public UnitView unit(UnitId id, Staff viewer) {
		return visible(id, viewer).view();
	}

	/**
	 * @param id a unit
	 * @param viewer who asks
	 * @return the unit's accounts
	 */
	public List<AccountView> accountsOf(UnitId id, Staff viewer) {
		visible(id, viewer);
		return accounts.findByUnitIdOrderByUsername(id).stream().map(a -> AccountView.of(a, clock.instant())).toList();
	}

	/**
	 * @param viewer an administrator
	 * @return every account of the units the viewer may see, with its unit, by unit and username
	 */
	public List<UnitAccounts> accountsWithin(Staff viewer) {
		return units(viewer).stream()
			.map(unit -> new UnitAccounts(unit, accountsOf(unit.id(), viewer)))
			.filter(unit -> !unit.accounts().isEmpty())
			.toList();
	}

	/**
	 * A unit and its accounts, as the administrators' account list shows them.
	 *
	 * @param unit the unit
	 * @param accounts its accounts
	 */
	public record UnitAccounts(UnitView unit, List<AccountView> accounts) {
	}

	/**
	 * @param id an account
	 * @param viewer who asks
	 * @return the account
	 */
	public AccountView account(AccountId id, Staff viewer) {
		Account account = accounts.findById(id).orElseThrow(() -> new NotFound("identity.account-not-found"));
		visible(account.unitId(), viewer);
		return AccountView.of(account, clock.instant());
	}

	Unit visible(UnitId id, Staff viewer) {
		Unit unit = units.findById(id).orElseThrow(() -> new NotFound("identity.unit-not-found"));
		if (!canSee(unit, viewer)) {
			throw new Forbidden("identity.out-of-scope");
		}
		return unit;
	}

	static boolean canSee(Unit unit, Staff viewer) {
		if (!viewer.unit().kind().regionScoped()) {
			return unit.id().equals(viewer.unit().id());
		}
		return unit.liesWithin(viewer.unitPath());
	}

}
