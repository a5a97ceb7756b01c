package org.jijinan.relief;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.casework.CaseStatus;
import org.jijinan.casework.CaseView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Forbidden;
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
 * Emergency aid first (先行救助): when waiting would cause irreversible harm, a township officer grants at once, up
 * to the limit in force, paid from the township's reserve fund; the paperwork (registration, signatures, receipt)
 * follows by a deadline that supervision watches.
 */
@Service
public class EmergencyAid {

	static final Set<String> OFFICERS = Set.of("TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER");

	private final JdbcClient jdbc;

	private final CaseDesk cases;

	private final ReliefPolicies policies;

	private final ReserveFund reserve;

	private final AssistanceChain chain;

	private final WorkingDayCalendar calendar;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DocumentNumbers numbers;

	private final GoodsStock stock;

	EmergencyAid(JdbcClient jdbc, CaseDesk cases, ReliefPolicies policies, ReserveFund reserve,
			AssistanceChain chain, WorkingDayCalendar calendar, RegionDirectory regions,
			ApplicationEventPublisher events, Clock clock, DocumentNumbers numbers, GoodsStock stock) {
		this.numbers = numbers;
		this.stock = stock;
		this.jdbc = jdbc;
		this.cases = cases;
		this.policies = policies;
		this.reserve = reserve;
		this.chain = chain;
		this.calendar = calendar;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Grants emergency aid on a case at once. One grant per case; more goes through the ordinary decision.
	 */
	@Transactional
	public EmergencyGrantView grant(String caseNumber, Request request, Caller caller) {
		CaseView found = cases.find(caseNumber, caller);
		if (caller.roles().stream().noneMatch(OFFICERS::contains)) {
			throw new Forbidden("relief.not-allowed");
		}
		if (!beforeDecision(found.status())) {
			throw new Conflict("relief.case-not-ready", found.status());
		}
		if (request.cause() == null || !found.causes().contains(request.cause())) {
			throw new RuleViolation("relief.cause-not-in-case", String.valueOf(request.cause()));
		}
		BigDecimal amount = request.amount();
		if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new RuleViolation("relief.amount-invalid");
		}
		Instant now = clock.instant();
		PolicyView policy = policies.inForce(found.township(), DecisionDesk.today(now));
		if (amount.compareTo(policy.rules().emergencyLimit()) > 0) {
			throw new RuleViolation("relief.over-emergency-limit", policy.rules().emergencyLimit().toPlainString());
		}
		String situation = WrittenText.required(request.situation(), 4, 1000, "relief.situation-required");
		String note = WrittenText.optional(request.goods(), 500);
		UUID id = UUID.randomUUID();
		String number = numbers.next(DocumentNumbers.EMERGENCY_VOUCHER, now);
		Instant due = calendar.plusWorkingDays(now, policy.rules().paperworkWorkingDays());
		try {
			jdbc.sql("""
					insert into relief_emergency_grant (id, number, case_number, household_id, person_id, subject_name,
					                                    township, township_path, policy_id, cause, amount, goods,
					                                    situation, granted_by, granted_at, paperwork_due, version)
					values (:id, :number, :caseNumber, :household, :person, :name, :township, :path, :policy, :cause,
					        :amount, :goods, :situation, :by, :at, :due, 0)""")
				.param("id", id)
				.param("number", number)
				.param("caseNumber", caseNumber)
				.param("household", found.householdId())
				.param("person", found.personId())
				.param("name", found.subjectName())
				.param("township", found.township().value())
				.param("path", regions.path(found.township()))
				.param("policy", policy.id())
				.param("cause", request.cause())
				.param("amount", Money.fen(amount))
				.param("goods", note.isEmpty() ? null : note)
				.param("situation", situation)
				.param("by", caller.name())
				.param("at", Timestamp.from(now))
				.param("due", Timestamp.from(due))
				.update();
		}
		catch (DuplicateKeyException again) {
			throw new Conflict("relief.emergency-aid-granted", caseNumber);
		}
		reserve.spend(found.township(), amount, number, caller.name());
		String goods = goods(found, request.items(), note, number, caller);
		chain.record(new AssistanceChain.Grant(found.householdId(), found.personId(), found.subjectName(),
				regions.path(found.township()), "EMERGENCY", request.cause(), id.toString(), null, caseNumber,
				Money.fen(amount), Money.ZERO, goods.isEmpty() ? null : goods, caller.name(), caller.organisation(), now));
		events.publishEvent(new CaseEventRecorded(caseNumber, "EMERGENCY_AID", "先行救助凭证 " + number + "：现金 "
				+ Money.fen(amount).toPlainString() + " 元" + (goods.isEmpty() ? "" : "；" + goods), caller.name(), now));
		events.publishEvent(new EmergencyAidGranted(id, number, caseNumber, found.township(), Money.fen(amount),
				caller.name(), now, due, !goods.isEmpty()));
		return find(id);
	}

	/**
	 * Takes the grant's goods from the township's stock and writes them on the grant, after any goods note.
	 * @return what the family received in goods, as people read it (棉被 2 床、大米 1 袋), or empty
	 */
	private String goods(CaseView found, @Nullable List<GoodsStock.Issue> items, String note, String voucher,
			Caller caller) {
		if (items == null || items.isEmpty()) {
			return note;
		}
		String taken = stock.issue(found.township(), items, voucher, caller.name())
			.stream()
			.map(item -> item.item() + " " + item.quantity() + " " + item.unit())
			.collect(java.util.stream.Collectors.joining("、"));
		String goods = note.isEmpty() ? taken : taken + "；" + note;
		if (goods.length() > 500) {
			throw new RuleViolation("relief.goods-too-long");
		}
		jdbc.sql("update relief_emergency_grant set goods = :goods where number = :voucher")
			.param("goods", goods)
			.param("voucher", voucher)
			.update();
		return goods;
	}

	/**
	 * @return whether a case in that status may still receive emergency aid (it has not been decided yet)
	 */
	static boolean beforeDecision(CaseStatus status) {
		return status == CaseStatus.OPEN || status == CaseStatus.INVESTIGATING
				|| status == CaseStatus.AWAITING_DECISION;
	}

	/**
	 * Records that the paperwork of a grant is complete; the watched step closes.
	 */
	@Transactional
	public EmergencyGrantView completePaperwork(UUID id, @Nullable String note, Caller caller) {
		EmergencyGrantView grant = find(id);
		CaseView found = cases.find(grant.caseNumber(), caller);
		if (caller.roles().stream().noneMatch(OFFICERS::contains)) {
			throw new Forbidden("relief.not-allowed");
		}
		String written = WrittenText.required(note, 4, 1000, "relief.paperwork-note-required");
		if (found.personId() == null) {
			// The paperwork makes the aid part of a household's record: it needs the person it was given to.
			throw new RuleViolation("relief.case-not-linked");
		}
		Instant now = clock.instant();
		int done = jdbc.sql("""
				update relief_emergency_grant set paperwork_done_by = :by, paperwork_done_at = :at,
				       paperwork_note = :note, version = version + 1
				 where id = :id and paperwork_done_at is null""")
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.param("note", written)
			.param("id", id)
			.update();
		if (done == 0) {
			throw new Conflict("relief.paperwork-already-complete");
		}
		events.publishEvent(
				new EmergencyPaperworkCompleted(id, grant.number(), grant.caseNumber(), caller.name(), now));
		return find(id);
	}

	/**
	 * @return the emergency grants of a case
	 */
	@Transactional(readOnly = true)
	public List<EmergencyGrantView> ofCase(String caseNumber, Caller caller) {
		cases.find(caseNumber, caller);
		return jdbc.sql("select id from relief_emergency_grant where case_number = :caseNumber order by granted_at")
			.param("caseNumber", caseNumber)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::find)
			.toList();
	}

	private EmergencyGrantView find(UUID id) {
		return jdbc.sql("select * from relief_emergency_grant where id = :id")
			.param("id", id)
			.query((row, n) -> new EmergencyGrantView(id, row.getString("number"), row.getString("case_number"),
					row.getString("subject_name"), row.getString("cause"), row.getBigDecimal("amount"),
					row.getString("goods"), row.getString("situation"), row.getString("granted_by"),
					row.getTimestamp("granted_at").toInstant(), row.getTimestamp("paperwork_due").toInstant(),
					row.getString("paperwork_done_by"),
					row.getTimestamp("paperwork_done_at") == null ? null
							: row.getTimestamp("paperwork_done_at").toInstant(),
					row.getString("paperwork_note")))
			.optional()
			.orElseThrow(() -> new NotFound("relief.emergency-grant-not-found"));
	}

	/**
	 * Emergency aid to grant.
	 *
	 * @param cause the hardship cause (one of the case's)
	 * @param amount the cash, at most the emergency limit
	 * @param goods a note of goods handed out at once that are not kept in the township's stock
	 * @param situation what makes it urgent
	 * @param items goods taken from the township's stock, at most what is on hand
	 */
	public record Request(@Nullable String cause, @Nullable BigDecimal amount, @Nullable String goods,
			@Nullable String situation, @Nullable List<GoodsStock.Issue> items) {
	}

}
