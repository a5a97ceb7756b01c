package org.jijinan.relief;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.budget.Budgets;
import org.jijinan.budget.Scheme;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The township reserve fund (乡镇备用金) that emergency aid is paid from: a ledger of top-ups from the county and
 * spending, each entry with the balance after it. The balance never goes below zero — one conditional update
 * decides, so two officers spending the last yuan at once cannot both succeed.
 */
@Service
public class ReserveFund {

	static final java.util.Set<String> TOP_UP_ROLES = java.util.Set.of("COUNTY_APPROVER", "COUNTY_REVIEWER");

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Budgets budgets;

	ReserveFund(JdbcClient jdbc, RegionDirectory regions, ApplicationEventPublisher events, Clock clock,
			Budgets budgets) {
		this.budgets = budgets;
		this.jdbc = jdbc;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the township's balance and its entries, newest first
	 */
	@Transactional(readOnly = true)
	public Ledger ledger(DivisionCode township, Caller caller) {
		inScope(township, caller);
		BigDecimal balance = jdbc.sql("select balance from relief_reserve where township = :township")
			.param("township", township.value())
			.query(BigDecimal.class)
			.optional()
			.orElse(Money.ZERO);
		List<Entry> entries = jdbc.sql("""
				select kind, amount, balance_after, reference, note, entered_by, entered_at from relief_reserve_entry
				 where township = :township order by entered_at desc, balance_after limit 500""")
			.param("township", township.value())
			.query((row, n) -> new Entry(row.getString(1), row.getBigDecimal(2), row.getBigDecimal(3),
					row.getString(4), row.getString(5), row.getString(6), row.getTimestamp(7).toInstant()))
			.list();
		return new Ledger(township, balance, entries);
	}

	/**
	 * The county tops up a township's fund; the same transfer reference entered twice counts once.
	 */
	@Transactional
	public Ledger topUp(DivisionCode township, BigDecimal amount, String reference, @Nullable String note,
			Caller caller) {
		inScope(township, caller);
		if (caller.roles().stream().noneMatch(TOP_UP_ROLES::contains)) {
			throw new Forbidden("relief.not-allowed");
		}
		if (regions.find(township).isEmpty()) {
			throw new InvalidInput("region.unknown-code", township.value());
		}
		positive(amount);
		String ref = WrittenText.required(reference, 2, 80, "relief.reference-required");
		BigDecimal after = jdbc.sql("""
				insert into relief_reserve (township, township_path, balance) values (:township, :path, :amount)
				on conflict (township) do update set balance = relief_reserve.balance + excluded.balance,
				                                     version = relief_reserve.version + 1
				returning balance""")
			.param("township", township.value())
			.param("path", regions.path(township))
			.param("amount", Money.fen(amount))
			.query(BigDecimal.class)
			.single();
		entry(township, "TOP_UP", amount, after, ref, note, caller.name());
		budgets.spend(Scheme.RESERVE_TOP_UP, township, DecisionDesk.today(clock.instant()), Money.fen(amount),
				"reserve-top-up:" + township.value() + ":" + ref);
		events.publishEvent(new ReserveMoved(township.value(), "TOP_UP", amount, ref, caller.name()));
		return ledger(township, caller);
	}

	/**
	 * Spends from the fund, inside the caller's transaction.
	 * @return the balance after
	 */
	BigDecimal spend(DivisionCode township, BigDecimal amount, String reference, String by) {
		positive(amount);
		BigDecimal after = jdbc.sql("""
				update relief_reserve set balance = balance - :amount, version = version + 1
				 where township = :township and balance >= :amount
				returning balance""")
			.param("township", township.value())
			.param("amount", Money.fen(amount))
			.query(BigDecimal.class)
			.optional()
			.orElseThrow(() -> new RuleViolation("relief.reserve-insufficient", balance(township).toPlainString()));
		entry(township, "SPENDING", amount, after, reference, null, by);
		events.publishEvent(new ReserveMoved(township.value(), "SPENDING", amount, reference, by));
		return after;
	}

	/**
	 * Returns recovered money to the fund it was spent from, inside the caller's transaction.
	 * @return the balance after
	 */
	BigDecimal recover(DivisionCode township, BigDecimal amount, String reference, String by) {
		positive(amount);
		BigDecimal after = jdbc.sql("""
				update relief_reserve set balance = balance + :amount, version = version + 1
				 where township = :township
				returning balance""")
			.param("township", township.value())
			.param("amount", Money.fen(amount))
			.query(BigDecimal.class)
			.single();
		entry(township, "RECOVERY", amount, after, reference, null, by);
		events.publishEvent(new ReserveMoved(township.value(), "RECOVERY", amount, reference, by));
		return after;
	}

	private BigDecimal balance(DivisionCode township) {
		return jdbc.sql("select balance from relief_reserve where township = :township")
			.param("township", township.value())
			.query(BigDecimal.class)
			.optional()
			.orElse(Money.ZERO);
	}

	private void entry(DivisionCode township, String kind, BigDecimal amount, BigDecimal after, String reference,
			@Nullable String note, String by) {
		try {
			jdbc.sql("""
					insert into relief_reserve_entry (id, township, kind, amount, balance_after, reference, note,
					                                  entered_by, entered_at)
					values (:id, :township, :kind, :amount, :after, :reference, :note, :by, :at)""")
				.param("id", UUID.randomUUID())
				.param("township", township.value())
				.param("kind", kind)
				.param("amount", Money.fen(amount))
				.param("after", after)
				.param("reference", reference)
				.param("note", note == null || note.isBlank() ? null : WrittenText.optional(note, 500))
				.param("by", by)
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException again) {
			throw new org.jijinan.shared.Conflict("relief.reserve-reference-used", reference);
		}
	}

	private static void positive(@Nullable BigDecimal amount) {
		if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new RuleViolation("relief.amount-invalid");
		}
	}

	private void inScope(DivisionCode township, Caller caller) {
		if (caller.regionScope() == null || regions.find(township).isEmpty()
				|| !regions.isWithin(township, caller.regionScope())) {
			throw new Forbidden("relief.out-of-scope");
		}
	}

	/**
	 * A township's fund.
	 *
	 * @param township the township
	 * @param balance what is left
	 * @param entries top-ups and spending, newest first
	 */
	public record Ledger(DivisionCode township, BigDecimal balance, List<Entry> entries) {
	}

	/**
	 * One movement of the fund.
	 *
	 * @param kind {@code TOP_UP} or {@code SPENDING}
	 * @param amount how much
	 * @param balanceAfter the balance after it
	 * @param reference the county's transfer reference or the emergency grant
	 * @param note a note
	 * @param enteredBy who
	 * @param enteredAt when
	 */
	public record Entry(String kind, BigDecimal amount, BigDecimal balanceAfter, String reference,
			@Nullable String note, String enteredBy, Instant enteredAt) {
	}

	record ReserveMoved(String township, String kind, BigDecimal amount, String reference, String by)
			implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.reserve-" + switch (kind) {
				case "TOP_UP" -> "topped-up";
				case "RECOVERY" -> "recovered";
				default -> "spent";
			};
		}

		@Override
		public String auditSubjectType() {
			return "relief-reserve";
		}

		@Override
		public String auditSubjectId() {
			return township;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("amount", amount.toPlainString(), "reference", reference);
		}

	}

}
