package org.jijinan.relief;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jijinan.budget.Budgets;
import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stopping wrongly granted aid and getting it back (停发、追回, Order 649 art. 68). Stopping a case cancels its payment
 * orders not yet sent to the bank, with the reason on the timeline, and opens an amount to recover for each decision
 * and emergency grant that paid money; instalments are received against a receipt, and a waiver needs a county
 * approver other than the person who asked for it. Money recovered returns to the fund it came from.
 */
@Service
public class Recoveries {

	/** Who may stop a case's aid: the county's reviewers, approvers, leaders and supervisors. */
	static final Set<String> STOPPERS = Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER", "LEADER", "SUPERVISOR");

	/** Who receives instalments and asks for waivers. */
	static final Set<String> COLLECTORS = Set.of("TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
			"COUNTY_APPROVER");

	/** Who decides on waivers. */
	static final Set<String> WAIVER_APPROVERS = Set.of("COUNTY_APPROVER");

	private final JdbcClient jdbc;

	private final CaseDesk cases;

	private final ReserveFund reserve;

	private final DocumentNumbers numbers;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Budgets budgets;

	Recoveries(JdbcClient jdbc, CaseDesk cases, ReserveFund reserve, DocumentNumbers numbers, RegionDirectory regions,
			ApplicationEventPublisher events, Clock clock, Budgets budgets) {
		this.budgets = budgets;
		this.jdbc = jdbc;
		this.cases = cases;
		this.reserve = reserve;
		this.numbers = numbers;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stops a case's aid: cancels its unsent payment orders and opens an amount to recover for each decision and
	 * emergency grant that paid money (once: stopping again opens nothing new).
	 * @param grounds why, such as a founded fraud report or a department's data showing the household ineligible
	 * @return the case's amounts to recover
	 */
	@Transactional
	public List<RecoveryView> stop(String caseNumber, @Nullable String grounds, Caller caller) {
		var found = cases.find(caseNumber, caller);
		if (caller.roles().stream().noneMatch(STOPPERS::contains)) {
			throw new Forbidden("relief.recovery-not-allowed");
		}
		String why = WrittenText.required(grounds, 4, 200, "relief.recovery-grounds-required");
		Instant now = clock.instant();
		List<String> cancelled = jdbc.sql("""
				update relief_payment_order set status = 'CANCELLED', cancel_reason = :why
				 where case_number = :caseNumber and status = 'PENDING'
				returning number || '（' || amount || ' 元）', decision_id, amount""")
			.param("why", why)
			.param("caseNumber", found.number())
			.query((row, n) -> {
				budgets.release(DecisionDesk.budgetReference(row.getObject(2, UUID.class)), row.getBigDecimal(3));
				return row.getString(1);
			})
			.list();
		List<Source> sources = new ArrayList<>(jdbc.sql("""
				select 'DECISION', d.id::text, 'TEMPORARY', 'SCHEME', d.township, d.township_path, sum(o.amount)
				  from relief_decision d join relief_payment_order o on o.decision_id = d.id
				 where d.case_number = :caseNumber and d.status = 'APPROVED' and o.status in ('PAID', 'BATCHED')
				 group by d.id, d.township, d.township_path
				union all
				select 'EMERGENCY', g.number, 'EMERGENCY', 'RESERVE', g.township, g.township_path, g.amount
				  from relief_emergency_grant g where g.case_number = :caseNumber""")
			.param("caseNumber", found.number())
			.query((row, n) -> new Source(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getString(5), row.getString(6), row.getBigDecimal(7)))
			.list());
		int opened = 0;
		for (Source source : sources) {
			String number = numbers.next(DocumentNumbers.RECOVERY, now);
			int inserted = jdbc.sql("""
					insert into relief_recovery (id, number, case_number, source_kind, source_ref, scheme, township,
					                             township_path, fund, grounds, amount, opened_by, opened_at)
					values (:id, :number, :caseNumber, :kind, :ref, :scheme, :township, :path, :fund, :grounds, :amount,
					        :by, :at)
					on conflict (source_kind, source_ref) do nothing""")
				.param("id", UUID.randomUUID())
				.param("number", number)
				.param("caseNumber", found.number())
				.param("kind", source.kind())
				.param("ref", source.ref())
				.param("scheme", source.scheme())
				.param("township", source.township())
				.param("path", source.townshipPath())
				.param("fund", source.fund())
				.param("grounds", why)
				.param("amount", source.amount())
				.param("by", caller.name())
				.param("at", Timestamp.from(now))
				.update();
			if (inserted == 1) {
				opened++;
				events.publishEvent(new RecoveryRecorded(number, found.number(), RecoveryRecorded.Step.OPENED,
						source.amount(), caller.name(), now));
			}
		}
		if (cancelled.isEmpty() && opened == 0 && ofCase(found.number()).isEmpty()) {
			throw new RuleViolation("relief.nothing-to-recover");
		}
		if (!cancelled.isEmpty() || opened > 0) {
			BigDecimal due = sources.stream().map(Source::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			events.publishEvent(new CaseEventRecorded(found.number(), "RELIEF_STOPPED", "停发并追回：" + why
					+ (cancelled.isEmpty() ? "" : "；撤销未发送的支付指令 " + String.join("、", cancelled))
					+ (opened == 0 ? "" : "；应追回 " + due.toPlainString() + " 元"), caller.name(), now));
		}
		return ofCase(found.number());
	}

	/**
	 * Receives an instalment against its receipt; money for emergency aid goes back into the township reserve.
	 */
	@Transactional
	public RecoveryView instalment(String number, @Nullable BigDecimal amount, @Nullable String receipt,
			Caller caller) {
		Loaded recovery = collectable(number, caller);
		BigDecimal paid = amount(amount, recovery.view().outstanding());
		String reference = WrittenText.required(receipt, 2, 80, "relief.recovery-receipt-required");
		Instant now = clock.instant();
		settle(recovery, paid, "recovered");
		entry(recovery.id(), "INSTALMENT", paid, reference, null, "DONE", caller.name(), now);
		if (recovery.view().fund().equals("RESERVE")) {
			reserve.recover(new DivisionCode(recovery.township()), paid, recovery.view().number() + "/" + reference,
					caller.name());
		}
		else {
			budgets.returned(DecisionDesk.budgetReference(UUID.fromString(recovery.view().sourceRef())), paid);
		}
		events.publishEvent(new RecoveryRecorded(number, recovery.view().caseNumber(),
				RecoveryRecorded.Step.INSTALMENT, paid, caller.name(), now));
		events.publishEvent(new CaseEventRecorded(recovery.view().caseNumber(), "RELIEF_RECOVERED",
				"追回 " + paid.toPlainString() + " 元（" + number + "，收据 " + reference + "）", caller.name(), now));
		return view(number);
	}

	/**
	 * Asks for part or all of what is owed to be waived (减免), with the reason; a county approver decides.
	 */
	@Transactional
	public RecoveryView proposeWaiver(String number, @Nullable BigDecimal amount, @Nullable String reason,
			Caller caller) {
		Loaded recovery = collectable(number, caller);
		if (recovery.view().entries().stream().anyMatch(entry -> entry.status().equals("PROPOSED"))) {
			throw new Conflict("relief.waiver-pending");
		}
		BigDecimal waived = amount(amount, recovery.view().outstanding());
		String why = WrittenText.required(reason, 4, 500, "relief.waiver-reason-required");
		Instant now = clock.instant();
		entry(recovery.id(), "WAIVER", waived, null, why, "PROPOSED", caller.name(), now);
		events.publishEvent(new RecoveryRecorded(number, recovery.view().caseNumber(),
				RecoveryRecorded.Step.WAIVER_PROPOSED, waived, caller.name(), now));
		return view(number);
	}

	/**
	 * A county approver other than the person who asked approves or refuses a waiver.
	 */
	@Transactional
	public RecoveryView decideWaiver(String number, boolean approve, Caller caller) {
		Loaded recovery = visible(number, caller);
		if (caller.roles().stream().noneMatch(WAIVER_APPROVERS::contains)) {
			throw new Forbidden("relief.recovery-not-allowed");
		}
		RecoveryView.Entry proposed = recovery.view()
			.entries()
			.stream()
			.filter(entry -> entry.status().equals("PROPOSED"))
			.findFirst()
			.orElseThrow(() -> new Conflict("relief.no-waiver-pending"));
		if (proposed.enteredBy().equals(caller.name())) {
			throw new Forbidden("relief.four-eyes");
		}
		Instant now = clock.instant();
		if (approve) {
			settle(recovery, proposed.amount(), "waived");
		}
		jdbc.sql("""
				update relief_recovery_entry set status = :status, decided_by = :by, decided_at = :at
				 where id = :id and status = 'PROPOSED'""")
			.param("status", approve ? "DONE" : "REFUSED")
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.param("id", proposed.id())
			.update();
		events.publishEvent(new RecoveryRecorded(number, recovery.view().caseNumber(),
				approve ? RecoveryRecorded.Step.WAIVER_APPROVED : RecoveryRecorded.Step.WAIVER_REFUSED,
				proposed.amount(), caller.name(), now));
		return view(number);
	}

	/**
	 * @return the case's amounts to recover, to staff of its area
	 */
	@Transactional(readOnly = true)
	public List<RecoveryView> ofCase(String caseNumber, Caller caller) {
		return ofCase(cases.find(caseNumber, caller).number());
	}

	/**
	 * @param regionPath a region's division path
	 * @param from the first day
	 * @param until the day after the last
	 * @return what was opened for recovery in the region over the period, and what has come of it
	 */
	@Transactional(readOnly = true)
	public Figures figures(String regionPath, java.time.LocalDate from, java.time.LocalDate until) {
		return jdbc.sql("""
				select count(*), coalesce(sum(amount), 0), coalesce(sum(recovered), 0), coalesce(sum(waived), 0)
				  from relief_recovery
				 where township_path like :path || '%' and opened_at >= :from and opened_at < :until""")
			.param("path", regionPath)
			.param("from", Timestamp.from(from.atStartOfDay(AssistanceChain.CHINA).toInstant()))
			.param("until", Timestamp.from(until.atStartOfDay(AssistanceChain.CHINA).toInstant()))
			.query((row, n) -> new Figures(row.getLong(1), row.getBigDecimal(2), row.getBigDecimal(3),
					row.getBigDecimal(4)))
			.single();
	}

	/**
	 * Recoveries in a region over a period.
	 *
	 * @param opened how many amounts were opened for recovery
	 * @param amount their total
	 * @param recovered how much of it was paid back
	 * @param waived how much was waived
	 */
	public record Figures(long opened, BigDecimal amount, BigDecimal recovered, BigDecimal waived) {
	}

	/**
	 * @return what the household's chain shows of recoveries: per case, oldest first
	 */
	List<RecoveryView> ofCases(List<String> caseNumbers) {
		return caseNumbers.isEmpty() ? List.of()
				: jdbc.sql("select number from relief_recovery where case_number in (:cases) order by opened_at")
					.param("cases", caseNumbers)
					.query(String.class)
					.list()
					.stream()
					.map(this::view)
					.toList();
	}

	private List<RecoveryView> ofCase(String caseNumber) {
		return ofCases(List.of(caseNumber));
	}

	private void settle(Loaded recovery, BigDecimal amount, String column) {
		int changed = jdbc.sql("update relief_recovery set " + column + " = " + column + """
				 + :amount, version = version + 1
				 where id = :id and version = :version and recovered + waived + :amount <= amount""")
			.param("amount", amount)
			.param("id", recovery.id())
			.param("version", recovery.version())
			.update();
		if (changed == 0) {
			throw new Conflict("relief.recovery-changed-meanwhile");
		}
	}

	private void entry(UUID recovery, String kind, BigDecimal amount, @Nullable String reference,
			@Nullable String reason, String status, String by, Instant at) {
		try {
			jdbc.sql("""
					insert into relief_recovery_entry (id, recovery_id, kind, amount, reference, reason, status,
					                                   entered_by, entered_at)
					values (:id, :recovery, :kind, :amount, :reference, :reason, :status, :by, :at)""")
				.param("id", UUID.randomUUID())
				.param("recovery", recovery)
				.param("kind", kind)
				.param("amount", amount)
				.param("reference", reference)
				.param("reason", reason)
				.param("status", status)
				.param("by", by)
				.param("at", Timestamp.from(at))
				.update();
		}
		catch (DuplicateKeyException again) {
			throw new Conflict("relief.recovery-receipt-used", String.valueOf(reference));
		}
	}

	private static BigDecimal amount(@Nullable BigDecimal amount, BigDecimal outstanding) {
		if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new InvalidInput("relief.amount-invalid");
		}
		if (amount.compareTo(outstanding) > 0) {
			throw new RuleViolation("relief.recovery-over-outstanding", outstanding.toPlainString());
		}
		return Money.fen(amount);
	}

	private Loaded collectable(String number, Caller caller) {
		Loaded recovery = visible(number, caller);
		if (caller.roles().stream().noneMatch(COLLECTORS::contains)) {
			throw new Forbidden("relief.recovery-not-allowed");
		}
		if (recovery.view().settled()) {
			throw new Conflict("relief.recovery-settled");
		}
		return recovery;
	}

	private Loaded visible(String number, Caller caller) {
		var loaded = jdbc.sql("select id, township, township_path, version from relief_recovery where number = :number")
			.param("number", number)
			.query((row, n) -> new Object[] { row.getObject(1, UUID.class), row.getString(2), row.getString(3),
					row.getLong(4) })
			.optional()
			.orElseThrow(() -> new NotFound("relief.recovery-not-found"));
		if (caller.regionScope() == null || !((String) loaded[2]).startsWith(regions.path(caller.regionScope()))) {
			throw new NotFound("relief.recovery-not-found");
		}
		return new Loaded((UUID) loaded[0], (String) loaded[1], (Long) loaded[3], view(number));
	}

	private RecoveryView view(String number) {
		return jdbc.sql("""
				select id, number, case_number, source_kind, source_ref, scheme, fund, grounds, amount, recovered,
				       waived, opened_by, opened_at
				  from relief_recovery where number = :number""")
			.param("number", number)
			.query((row, n) -> view(row))
			.single();
	}

	private RecoveryView view(ResultSet row) throws SQLException {
		UUID id = row.getObject(1, UUID.class);
		BigDecimal amount = row.getBigDecimal(9);
		BigDecimal recovered = row.getBigDecimal(10);
		BigDecimal waived = row.getBigDecimal(11);
		List<RecoveryView.Entry> entries = jdbc.sql("""
				select id, kind, amount, reference, reason, status, entered_by, entered_at, decided_by
				  from relief_recovery_entry where recovery_id = :id order by entered_at, id""")
			.param("id", id)
			.query((entry, n) -> new RecoveryView.Entry(entry.getObject(1, UUID.class), entry.getString(2),
					entry.getBigDecimal(3), entry.getString(4), entry.getString(5), entry.getString(6),
					entry.getString(7), entry.getTimestamp(8).toInstant(), entry.getString(9)))
			.list();
		return new RecoveryView(row.getString(2), row.getString(3), row.getString(4), row.getString(5),
				row.getString(6), row.getString(7), row.getString(8), amount, recovered, waived,
				amount.subtract(recovered).subtract(waived), row.getString(12), row.getTimestamp(13).toInstant(),
				entries);
	}

	private record Source(String kind, String ref, String scheme, String fund, String township, String townshipPath,
			BigDecimal amount) {
	}

	private record Loaded(UUID id, String township, long version, RecoveryView view) {
	}

}
