package org.jijinan.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's own mobile number (本人手机号), which they give on their profile page so that the platform can
 * text them (a village reporter hears what became of a report). Sealed at rest; shown masked; the full number only
 * goes to the message outbox.
 */
@Service
@Transactional
public class StaffPhones implements SealedColumns {

	static final String PURPOSE = "identity.staff-phone";

	private final JdbcClient jdbc;

	private final Sealer sealer;

	private final Clock clock;

	StaffPhones(JdbcClient jdbc, Sealer sealer, Clock clock) {
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.clock = clock;
	}

	/**
	 * @param username a login name
	 * @return the full number of the active account's holder, for sending a message only, never for display
	 */
	@Transactional(readOnly = true)
	public Optional<String> phoneOf(String username) {
		return jdbc.sql("""
				select p.phone_sealed from identity_staff_phone p join identity_account a on a.id = p.account_id
				 where a.username = :username and not a.disabled""")
			.param("username", username)
			.query(String.class)
			.optional()
			.map(sealed -> sealer.open(sealed, PURPOSE));
	}

	/**
	 * @param usernames login names
	 * @return the full number of each active account's holder who gave one, by login name, for sending messages only
	 */
	@Transactional(readOnly = true)
	public Map<String, String> phonesOf(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		Map<String, String> phones = new LinkedHashMap<>();
		jdbc.sql("""
				select a.username, p.phone_sealed from identity_staff_phone p
				  join identity_account a on a.id = p.account_id
				 where a.username in (:usernames) and not a.disabled""")
			.param("usernames", usernames)
			.query((row, number) -> phones.put(row.getString(1), sealer.open(row.getString(2), PURPOSE)))
			.list();
		return phones;
	}

	/**
	 * @param username a login name
	 * @return whether the account's holder gave their number
	 */
	@Transactional(readOnly = true)
	public boolean given(String username) {
		return jdbc.sql("""
				select count(*) from identity_staff_phone p join identity_account a on a.id = p.account_id
				 where a.username = :username""")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @return the account holder's number, masked, if they gave one
	 */
	@Transactional(readOnly = true)
	Optional<String> maskedOf(AccountId account) {
		return jdbc.sql("select phone_masked from identity_staff_phone where account_id = :account")
			.param("account", account.value())
			.query(String.class)
			.optional();
	}

	/**
	 * Keeps the number the account's holder gave for themselves; a blank one removes it.
	 */
	void give(AccountId account, String typed) {
		if (typed.isBlank()) {
			jdbc.sql("delete from identity_staff_phone where account_id = :account")
				.param("account", account.value())
				.update();
			return;
		}
		PhoneNumber phone = PhoneNumber.parse(typed);
		jdbc.sql("""
				insert into identity_staff_phone (account_id, phone_sealed, phone_masked, changed_at)
				values (:account, :sealed, :masked, :now)
				on conflict (account_id) do update
				   set phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked,
				       changed_at = excluded.changed_at""")
			.param("account", account.value())
			.param("sealed", sealer.seal(phone.value(), PURPOSE))
			.param("masked", phone.masked())
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("identity_staff_phone", "phone_sealed", PURPOSE));
	}
}
