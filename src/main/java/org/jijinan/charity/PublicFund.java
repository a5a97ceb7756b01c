package org.jijinan.charity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.casework.CaseView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.relief.AssistanceRecords;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 救急难 public fund (救急难公益基金), run under civil-affairs coordination: income from donors, grants to families,
 * a balance that never goes below zero, and a public ledger anyone can read — with families shown by surname + 某
 * and township only.
 */
@Service
public class PublicFund {

	static final String FUND = "救急难公益基金";

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final java.util.Set<String> KEEPERS = java.util.Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER");

	private final JdbcClient jdbc;

	private final CaseDesk cases;

	private final RegionDirectory regions;

	private final AssistanceRecords assistance;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PublicFund(JdbcClient jdbc, CaseDesk cases, RegionDirectory regions, AssistanceRecords assistance,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.regions = regions;
		this.assistance = assistance;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a donation; the same receipt twice counts once.
	 * @param donor the donor's name as they wish it published, or empty for 匿名
	 */
	@Transactional
	public Ledger receive(@Nullable BigDecimal amount, @Nullable String donor, @Nullable String purpose,
			@Nullable String reference, Caller caller) {
		requireKeeper(caller);
		BigDecimal money = amount(amount);
		String name = WrittenText.optional(donor, 100);
		BigDecimal after = jdbc.sql("update charity_fund set balance = balance + :amount where id = 1 returning balance")
			.param("amount", money)
			.query(BigDecimal.class)
			.single();
		entry("INCOME", money, after, name.isEmpty() ? "匿名" : name,
				WrittenText.required(purpose, 2, 300, "charity.fund-purpose-required"), reference, null, caller);
		return ledger();
	}

	/**
	 * Grants from the fund to a family of a case; the help enters the household's chain and the case's timeline.
	 */
	@Transactional
	public Ledger grant(String caseNumber, @Nullable BigDecimal amount, @Nullable String purpose,
			@Nullable String reference, Caller caller) {
		requireKeeper(caller);
		CaseView found = cases.find(caseNumber, caller);
		BigDecimal money = amount(amount);
		String why = WrittenText.required(purpose, 2, 300, "charity.fund-purpose-required");
		BigDecimal after = jdbc.sql("""
				update charity_fund set balance = balance - :amount where id = 1 and balance >= :amount
				returning balance""")
			.param("amount", money)
			.query(BigDecimal.class)
			.optional()
			.orElseThrow(() -> new RuleViolation("charity.fund-insufficient", ledger().balance().toPlainString()));
		String township = regions.find(found.township()).map(division -> division.name()).orElse("");
		UUID id = entry("GRANT", money, after, NeedsBoard.displayName(found.subjectName()) + " · " + township, why,
				reference, caseNumber, caller);
		Instant now = clock.instant();
		assistance.record(new AssistanceRecords.Received("CHARITY", found.causes().isEmpty() ? null : found.causes().get(0),
				"FUND-" + id, found.householdId(), found.personId(), found.subjectName(), regions.path(found.township()),
				caseNumber, money, null, caller.name(), FUND, now));
		events.publishEvent(new CaseEventRecorded(caseNumber, "FUND_GRANT", FUND + " " + money.toPlainString() + " 元："
				+ why, caller.name(), now));
		return ledger();
	}

	/**
	 * @return the fund as the public sees it: balance, totals by month, the latest entries
	 */
	@Transactional(readOnly = true)
	public Ledger ledger() {
		BigDecimal balance = jdbc.sql("select balance from charity_fund where id = 1").query(BigDecimal.class).single();
		List<Entry> entries = jdbc.sql("""
				select kind, amount, balance_after, counterparty, purpose, entered_at from charity_fund_entry
				 order by entered_at desc, id limit 100""")
			.query((row, n) -> new Entry(row.getString(1), row.getBigDecimal(2), row.getBigDecimal(3), row.getString(4),
					row.getString(5), row.getTimestamp(6).toInstant()))
			.list();
		Map<String, Month> months = new TreeMap<>();
		jdbc.sql("""
				select to_char(entered_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, kind, sum(amount) as total
				  from charity_fund_entry where entered_at >= :from group by 1, 2""")
			.param("from", Timestamp.from(YearMonth.now(clock.withZone(CHINA)).minusMonths(11).atDay(1)
				.atStartOfDay(CHINA)
				.toInstant()))
			.query((row, n) -> row.getString("kind").equals("INCOME")
					? new Month(row.getString("month"), row.getBigDecimal("total"), BigDecimal.ZERO)
					: new Month(row.getString("month"), BigDecimal.ZERO, row.getBigDecimal("total")))
			.list()
			.forEach(month -> months.merge(month.month(), month, (one, other) -> new Month(one.month(),
					one.income().add(other.income()), one.grants().add(other.grants()))));
		return new Ledger(balance, entries, List.copyOf(months.values()));
	}

	private UUID entry(String kind, BigDecimal amount, BigDecimal after, String counterparty, String purpose,
			@Nullable String reference, @Nullable String caseNumber, Caller caller) {
		UUID id = UUID.randomUUID();
		String ref = WrittenText.required(reference, 2, 80, "charity.fund-reference-required");
		try {
			jdbc.sql("""
					insert into charity_fund_entry (id, kind, amount, balance_after, counterparty, purpose, reference,
					                                case_number, entered_by, entered_at)
					values (:id, :kind, :amount, :after, :counterparty, :purpose, :reference, :caseNumber, :by, :at)""")
				.param("id", id)
				.param("kind", kind)
				.param("amount", amount)
				.param("after", after)
				.param("counterparty", counterparty)
				.param("purpose", purpose)
				.param("reference", ref)
				.param("caseNumber", caseNumber)
				.param("by", caller.name())
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException again) {
			throw new Conflict("charity.fund-reference-used", ref);
		}
		events.publishEvent(new FundMoved(id, kind, amount, caller.name()));
		return id;
	}

	private static BigDecimal amount(@Nullable BigDecimal amount) {
		if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2
				|| amount.compareTo(new BigDecimal("100000000")) > 0) {
			throw new RuleViolation("charity.amount-invalid");
		}
		return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
	}

	private static void requireKeeper(Caller caller) {
		if (caller.regionScope() == null || caller.regionScope().value().length() != 6
				|| caller.roles().stream().noneMatch(KEEPERS::contains)) {
			throw new Forbidden("charity.not-allowed");
		}
	}

	/**
	 * The fund's public ledger.
	 *
	 * @param balance what the fund holds
	 * @param entries the latest entries
	 * @param months income and grants of the last twelve months
	 */
	public record Ledger(BigDecimal balance, List<Entry> entries, List<Month> months) {
	}

	/**
	 * One entry as published.
	 *
	 * @param kind {@code INCOME} or {@code GRANT}
	 * @param amount how much
	 * @param balanceAfter the balance after it
	 * @param counterparty the donor (or 匿名), or the family as surname + 某 and township
	 * @param purpose what for
	 * @param at when
	 */
	public record Entry(String kind, BigDecimal amount, BigDecimal balanceAfter, String counterparty, String purpose,
			Instant at) {
	}

	/**
	 * One month's totals.
	 *
	 * @param month {@code YYYY-MM}
	 * @param income donations
	 * @param grants grants
	 */
	public record Month(String month, BigDecimal income, BigDecimal grants) {
	}

	record FundMoved(UUID id, String kind, BigDecimal amount, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "charity.fund-" + kind.toLowerCase(java.util.Locale.ROOT);
		}

		@Override
		public String auditSubjectType() {
			return "charity-fund-entry";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("amount", amount.toPlainString());
		}

	}

}
