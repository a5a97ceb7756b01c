package org.jijinan.budget;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets and what they carry. A place's money is counted on the township's own budget for the scheme and day when
 * the county allocated one, else on the county's. Where no budget covers the day, nothing is counted and nothing is
 * stopped: a county that keeps no budgets here is not held to one. Commitments to one budget are made one after
 * another (the budget's row is locked), so two approvals cannot both take the last of it.
 */
@Service
public class Budgets {

	/** What an entry adds to the amount still committed. */
	private static final String COMMITTED = """
			case when kind = 'COMMITTED' then amount when kind in ('PAID', 'RELEASED') then -amount else 0 end""";

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Budgets(JdbcClient jdbc, RegionDirectory regions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Commits an approved amount, in the caller's transaction. Refused with the figures when it is more than what is
	 * left, unless a county approver overrode it for this reference.
	 *
	 * @param place the township (or a village of it) the money goes to; a county for the county's own
	 * @param reference what commits it, such as {@code decision:<id>}
	 */
	public void commit(Scheme scheme, DivisionCode place, LocalDate day, BigDecimal amount, String reference) {
		Optional<UUID> budget = covering(scheme, place, day);
		if (budget.isEmpty() || amount.signum() <= 0) {
			return;
		}
		jdbc.sql("select id from budget where id = :id for update").param("id", budget.get()).query().listOfRows();
		Standing standing = standing(budget.get());
		if (amount.compareTo(standing.left()) > 0 && !overridden(reference)) {
			throw new RuleViolation("budget.exceeded", amount.toPlainString(), standing.left().toPlainString(),
					standing.amount().toPlainString(), standing.committed().toPlainString(),
					standing.spent().toPlainString());
		}
		entry(budget.get(), "COMMITTED", amount, reference);
	}

	/**
	 * Spends at once what needed no approval here (medical assistance at the hospital window, a reserve top-up).
	 */
	public void spend(Scheme scheme, DivisionCode place, LocalDate day, BigDecimal amount, String reference) {
		covering(scheme, place, day).filter(found -> amount.signum() > 0)
			.ifPresent(budget -> entry(budget, "SPENT", amount, reference));
	}

	/**
	 * What was committed for the reference has been paid, up to what is still committed.
	 */
	public void paid(String reference, BigDecimal amount) {
		move(reference, amount, "PAID", COMMITTED);
	}

	/**
	 * What was committed for the reference will not be paid (an order cancelled), up to what is still committed.
	 */
	public void release(String reference, BigDecimal amount) {
		move(reference, amount, "RELEASED", COMMITTED);
	}

	/**
	 * Money spent for the reference came back (a settlement reversed, an instalment recovered), up to what was spent.
	 */
	public void returned(String reference, BigDecimal amount) {
		move(reference, amount, "RETURNED", """
				case when kind in ('PAID', 'SPENT') then amount when kind = 'RETURNED' then -amount else 0 end""");
	}

	/**
	 * @return whether committing the amount would exceed what is left, and the budget's figures; empty when no budget
	 * covers the day or the amount fits
	 */
	@Transactional(readOnly = true)
	public Optional<Standing> wouldExceed(Scheme scheme, DivisionCode place, LocalDate day, BigDecimal amount,
			String reference) {
		return covering(scheme, place, day).map(this::standing)
			.filter(standing -> amount.compareTo(standing.left()) > 0 && !overridden(reference));
	}

	/**
	 * A county approver lets one approval exceed what is left, with the reason; audited.
	 */
	@Transactional
	public void override(Scheme scheme, DivisionCode place, LocalDate day, BigDecimal amount, String reference,
			@Nullable String reason, Caller caller) {
		if (!caller.hasRole("COUNTY_APPROVER") || caller.regionScope() == null
				|| caller.regionScope().value().length() != 6
				|| !place.value().startsWith(caller.regionScope().value())) {
			throw new Forbidden("budget.override-not-allowed");
		}
		String because = WrittenText.required(reason, 4, 500, "budget.override-reason-required");
		Standing standing = covering(scheme, place, day).map(this::standing)
			.orElseThrow(() -> new RuleViolation("budget.within-budget"));
		if (amount.compareTo(standing.left()) <= 0) {
			throw new RuleViolation("budget.within-budget");
		}
		int added = jdbc.sql("""
				insert into budget_override (reference, budget_id, amount, left_then, reason, by_name, at)
				values (:reference, :budget, :amount, :left, :reason, :by, :at) on conflict (reference) do nothing""")
			.param("reference", reference)
			.param("budget", standing.id())
			.param("amount", amount)
			.param("left", standing.left())
			.param("reason", because)
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		if (added == 0) {
			throw new Conflict("budget.already-overridden");
		}
		events.publishEvent(new BudgetOverridden(standing.id(), reference, amount, standing.left(), because,
				caller.name()));
	}

	/**
	 * Sets a budget for a period, for the county or one of its townships. Periods of one scheme and place do not
	 * overlap.
	 */
	@Transactional
	public Standing set(NewBudget given, Caller caller) {
		DivisionCode county = countyOf(caller);
		if (!mayManage(caller)) {
			throw new Forbidden("budget.not-allowed");
		}
		if (given.scheme() == null) {
			throw new InvalidInput("budget.scheme-required");
		}
		if (given.periodFrom() == null || given.periodTo() == null || given.periodTo().isBefore(given.periodFrom())
				|| given.periodFrom().getYear() < 2000 || given.periodTo().getYear() > 2100) {
			throw new RuleViolation("budget.period-invalid");
		}
		if (given.amount() == null || given.amount().signum() <= 0 || given.amount().stripTrailingZeros().scale() > 2
				|| given.amount().compareTo(new BigDecimal("1000000000000")) >= 0) {
			throw new RuleViolation("budget.amount-invalid");
		}
		String township = township(given.township(), county);
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 11))")
			.param("key", county.value() + "/" + given.scheme())
			.query()
			.listOfRows();
		List<String> overlapping = jdbc.sql("""
				select period_from || ' – ' || period_to from budget
				 where county = :county and scheme = :scheme and coalesce(township, '') = :township
				   and period_from <= :to and period_to >= :from""")
			.param("county", county.value())
			.param("scheme", given.scheme().name())
			.param("township", township == null ? "" : township)
			.param("from", given.periodFrom())
			.param("to", given.periodTo())
			.query(String.class)
			.list();
		if (!overlapping.isEmpty()) {
			throw new Conflict("budget.period-overlaps", String.join("、", overlapping));
		}
		UUID id = UUID.randomUUID();
		String note = given.note() == null || given.note().isBlank() ? null : given.note().strip();
		if (note != null && note.length() > 200) {
			throw new InvalidInput("budget.note-too-long");
		}
		jdbc.sql("""
				insert into budget (id, county, township, scheme, period_from, period_to, amount, note, set_by, set_at)
				values (:id, :county, :township, :scheme, :from, :to, :amount, :note, :by, :at)""")
			.param("id", id)
			.param("county", county.value())
			.param("township", township)
			.param("scheme", given.scheme().name())
			.param("from", given.periodFrom())
			.param("to", given.periodTo())
			.param("amount", given.amount())
			.param("note", note)
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new BudgetSet(id, given.scheme(), township == null ? county.value() : township,
				given.periodFrom(), given.periodTo(), given.amount(), caller.name()));
		return standing(id);
	}

	/**
	 * @return the county's budgets whose period touches the year, with their figures, and the money spent and
	 * committed month by month per scheme
	 */
	@Transactional(readOnly = true)
	public Overview overview(int year, Caller caller) {
		DivisionCode county = countyOf(caller);
		String scope = caller.regionScope().value();
		List<Standing> budgets = jdbc.sql("""
				select id from budget where county = :county and period_from <= :to and period_to >= :from
				   and (:scope = county or township = :scope)
				 order by scheme, township nulls first, period_from""")
			.param("county", county.value())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.param("scope", scope.length() >= 9 ? scope.substring(0, 9) : scope)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::standing)
			.toList();
		Map<Scheme, BigDecimal[]> spentByMonth = new LinkedHashMap<>();
		Map<Scheme, BigDecimal[]> committedByMonth = new LinkedHashMap<>();
		for (Scheme scheme : Scheme.values()) {
			spentByMonth.put(scheme, zeros());
			committedByMonth.put(scheme, zeros());
		}
		List<UUID> ids = budgets.stream().map(Standing::id).toList();
		if (!ids.isEmpty()) {
			jdbc.sql("""
					select b.scheme, extract(month from e.at at time zone 'Asia/Shanghai')::int as month,
					       sum(case when e.kind in ('PAID', 'SPENT') then e.amount when e.kind = 'RETURNED' then -e.amount
					                else 0 end) as spent,
					       sum(case when e.kind = 'COMMITTED' then e.amount else 0 end) as committed
					  from budget_entry e join budget b on b.id = e.budget_id
					 where e.budget_id in (:ids) and extract(year from e.at at time zone 'Asia/Shanghai') = :year
					 group by b.scheme, month""")
				.param("ids", ids)
				.param("year", year)
				.query((row, n) -> {
					Scheme scheme = Scheme.valueOf(row.getString("scheme"));
					spentByMonth.get(scheme)[row.getInt("month") - 1] = row.getBigDecimal("spent");
					committedByMonth.get(scheme)[row.getInt("month") - 1] = row.getBigDecimal("committed");
					return n;
				})
				.list();
		}
		List<Month> months = new ArrayList<>();
		for (Scheme scheme : Scheme.values()) {
			months.add(new Month(scheme, List.of(spentByMonth.get(scheme)), List.of(committedByMonth.get(scheme))));
		}
		return new Overview(year, budgets, months, mayManage(caller) && scope.length() == 6,
				townships(county));
	}

	/**
	 * @return the figures of the county's budgets whose period touches the days, by scheme — for the pilot's
	 * evaluation report over its period
	 */
	@Transactional(readOnly = true)
	public List<Standing> touching(DivisionCode county, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				select id from budget where county = :county and period_from <= :to and period_to >= :from
				 order by scheme, township nulls first, period_from""")
			.param("county", county.value().substring(0, 6))
			.param("from", from)
			.param("to", to)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::standing)
			.toList();
	}

	private static BigDecimal[] zeros() {
		BigDecimal[] months = new BigDecimal[12];
		java.util.Arrays.fill(months, BigDecimal.ZERO.setScale(2));
		return months;
	}

	/**
	 * Adds an entry of the kind for the reference, on the budget its first entry went to, up to what the reference
	 * still holds there (the sum of {@code holding} over its entries).
	 */
	private void move(String reference, BigDecimal amount, String kind, String holding) {
		jdbc.sql("select budget_id, sum(" + holding + ") from budget_entry where reference = :reference group by budget_id")
			.param("reference", reference)
			.query((row, n) -> {
				BigDecimal moved = amount.min(row.getBigDecimal(2));
				if (moved.signum() > 0) {
					entry(row.getObject(1, UUID.class), kind, moved, reference);
				}
				return moved;
			})
			.list();
	}

	private boolean overridden(String reference) {
		return jdbc.sql("select count(*) from budget_override where reference = :reference")
			.param("reference", reference)
			.query(Long.class)
			.single() > 0;
	}

	private Optional<UUID> covering(Scheme scheme, DivisionCode place, LocalDate day) {
		String code = place.value();
		if (code.length() < 6) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id from budget
				 where county = :county and scheme = :scheme and period_from <= :day and period_to >= :day
				   and (township is null or township = :township)
				 order by township is null limit 1""")
			.param("county", code.substring(0, 6))
			.param("scheme", scheme.name())
			.param("day", day)
			.param("township", code.length() >= 9 ? code.substring(0, 9) : "")
			.query(UUID.class)
			.optional();
	}

	private Standing standing(UUID id) {
		return jdbc.sql("""
				select b.*,
				       coalesce(sum(case when e.kind = 'COMMITTED' then e.amount
				                         when e.kind in ('PAID', 'RELEASED') then -e.amount else 0 end), 0) as committed,
				       coalesce(sum(case when e.kind in ('PAID', 'SPENT') then e.amount
				                         when e.kind = 'RETURNED' then -e.amount else 0 end), 0) as spent
				  from budget b left join budget_entry e on e.budget_id = b.id
				 where b.id = :id group by b.id""")
			.param("id", id)
			.query((row, n) -> {
				String township = row.getString("township");
				BigDecimal amount = row.getBigDecimal("amount");
				BigDecimal committed = row.getBigDecimal("committed").setScale(2);
				BigDecimal spent = row.getBigDecimal("spent").setScale(2);
				return new Standing(id, Scheme.valueOf(row.getString("scheme")), township,
						township == null ? null : regions.find(new DivisionCode(township))
							.map(DivisionView::name)
							.orElse(township),
						row.getObject("period_from", LocalDate.class), row.getObject("period_to", LocalDate.class),
						amount, committed, spent, amount.subtract(committed).subtract(spent), row.getString("note"));
			})
			.single();
	}

	private void entry(UUID budget, String kind, BigDecimal amount, String reference) {
		jdbc.sql("""
				insert into budget_entry (id, budget_id, kind, amount, reference, at)
				values (:id, :budget, :kind, :amount, :reference, :at)""")
			.param("id", UUID.randomUUID())
			.param("budget", budget)
			.param("kind", kind)
			.param("amount", amount)
			.param("reference", reference)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	private @Nullable String township(@Nullable String given, DivisionCode county) {
		if (given == null || given.isBlank()) {
			return null;
		}
		return regions.townshipOf(given, county)
			.map(found -> found.code().value())
			.orElseThrow(() -> new RuleViolation("budget.township-unknown"));
	}

	private List<DivisionView> townships(DivisionCode county) {
		return regions.townships(county, LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY)));
	}

	private static boolean mayManage(Caller caller) {
		return caller.hasRole("COUNTY_APPROVER") || caller.hasRole("ADMINISTRATOR");
	}

	private static DivisionCode countyOf(Caller caller) {
		DivisionCode scope = caller.regionScope();
		if (scope == null || scope.value().length() < 6) {
			throw new Forbidden("budget.not-allowed");
		}
		return new DivisionCode(scope.value().substring(0, 6));
	}

	/**
	 * A budget to set.
	 *
	 * @param scheme what for
	 * @param township the township's division code when the county allocates it one; none for the county's own
	 * @param periodFrom first day (usually 1 January)
	 * @param periodTo last day
	 * @param amount in yuan
	 * @param note the budget document, such as 共财〔2027〕3号
	 */
	public record NewBudget(@Nullable Scheme scheme, @Nullable String township, @Nullable LocalDate periodFrom,
			@Nullable LocalDate periodTo, @Nullable BigDecimal amount, @Nullable String note) {
	}

	/**
	 * One scheme's money month by month.
	 *
	 * @param scheme the scheme
	 * @param spent spent per month, January first
	 * @param committed committed per month
	 */
	public record Month(Scheme scheme, List<BigDecimal> spent, List<BigDecimal> committed) {
	}

	/**
	 * A county's budgets of a year.
	 *
	 * @param year the year
	 * @param budgets the budgets and their figures
	 * @param months money per scheme and month
	 * @param mayManage whether the viewer sets budgets
	 * @param townships the county's townships, for allocating
	 */
	public record Overview(int year, List<Standing> budgets, List<Month> months, boolean mayManage,
			List<DivisionView> townships) {
	}

	/**
	 * A budget was set.
	 */
	record BudgetSet(UUID id, Scheme scheme, String place, LocalDate from, LocalDate to, BigDecimal amount, String by)
			implements AuditableEvent {

		@Override
		public String auditAction() {
			return "budget.set";
		}

		@Override
		public String auditSubjectType() {
			return "budget";
		}

		@Override
		public String auditSubjectId() {
			return id.toString();
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("scheme", scheme.name(), "place", place, "period", from + "/" + to, "amount",
					amount.toPlainString());
		}

	}

	/**
	 * A county approver let an approval exceed what was left.
	 */
	record BudgetOverridden(UUID budget, String reference, BigDecimal amount, BigDecimal left, String reason,
			String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "budget.overridden";
		}

		@Override
		public String auditSubjectType() {
			return "budget";
		}

		@Override
		public String auditSubjectId() {
			return budget.toString();
		}

		@Override
		public String auditActor() {
			return by;
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("reference", reference, "amount", amount.toPlainString(), "left", left.toPlainString(),
					"reason", reason);
		}

	}

}
