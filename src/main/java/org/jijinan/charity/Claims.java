package org.jijinan.charity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.casework.CaseView;
import org.jijinan.relief.AssistanceRecords;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
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
 * A charity takes up a need from one of its projects, delivers and reports back; the township confirms, and the help
 * enters the household's assistance chain and the case's timeline. A claim never commits more than the project has
 * left: the project's row is updated only when the budget covers it.
 */
@Service
public class Claims {

	private static final String CLAIMS = """
			select c.*, p.name as project_name, p.unit_name from charity_claim c
			  join charity_project p on p.id = c.project_id""";

	private final JdbcClient jdbc;

	private final NeedsBoard needs;

	private final Projects projects;

	private final CaseDesk cases;

	private final AssistanceRecords assistance;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Claims(JdbcClient jdbc, NeedsBoard needs, Projects projects, CaseDesk cases, AssistanceRecords assistance,
			RegionDirectory regions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.needs = needs;
		this.projects = projects;
		this.cases = cases;
		this.assistance = assistance;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A charity claims an open need, committing an amount from one of its projects.
	 */
	@Transactional
	public ClaimView claim(UUID needId, UUID projectId, @Nullable BigDecimal amount, Caller caller) {
		UUID unit = CharityStaff.charityOf(caller);
		NeedView need = needs.find(needId, caller);
		projects.requireOwn(projectId, caller);
		ProjectView project = projects.find(projectId, caller);
		if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
			throw new RuleViolation("charity.amount-invalid");
		}
		if (amount.compareTo(need.amount()) > 0) {
			throw new RuleViolation("charity.over-need", need.amount().toPlainString());
		}
		if (amount.compareTo(project.perCaseMax()) > 0) {
			throw new RuleViolation("charity.over-per-case", project.perCaseMax().toPlainString());
		}
		if (!project.active() || project.regions().stream()
			.map(code -> regions.path(new org.jijinan.shared.DivisionCode(code)))
			.noneMatch(path -> regions.path(new org.jijinan.shared.DivisionCode(need.township())).startsWith(path))) {
			throw new RuleViolation("charity.project-does-not-serve");
		}
		int taken = jdbc.sql("update charity_need set status = 'CLAIMED', version = version + 1 where id = :id and status = 'OPEN'")
			.param("id", needId)
			.update();
		if (taken == 0) {
			throw new Conflict("charity.need-taken");
		}
		int committed = jdbc.sql("""
				update charity_project set committed = committed + :amount
				 where id = :id and active and committed + :amount <= budget""")
			.param("amount", amount)
			.param("id", projectId)
			.update();
		if (committed == 0) {
			throw new RuleViolation("charity.over-budget", project.remaining().toPlainString());
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into charity_claim (id, need_id, project_id, unit_id, amount, status, claimed_by, claimed_at)
					values (:id, :need, :project, :unit, :amount, 'CLAIMED', :by, :at)""")
				.param("id", id)
				.param("need", needId)
				.param("project", projectId)
				.param("unit", unit)
				.param("amount", amount)
				.param("by", caller.name())
				.param("at", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException claimedAlready) {
			throw new Conflict("charity.need-taken");
		}
		events.publishEvent(new CaseEventRecorded(caseOf(needId), "NEED_CLAIMED",
				project.unitName() + "·" + project.name() + " " + amount.toPlainString() + " 元", caller.name(), now));
		return find(id);
	}

	/**
	 * The charity reports what it gave.
	 */
	@Transactional
	public ClaimView deliver(UUID claimId, @Nullable String note, Caller caller) {
		ClaimView claim = own(claimId, caller);
		String what = WrittenText.required(note, 4, 1000, "charity.delivery-note-required");
		Instant now = clock.instant();
		move(claim, "CLAIMED", "DELIVERED", "update charity_claim set status = 'DELIVERED', delivered_by = :by, "
				+ "delivered_at = :at, delivery_note = :note where id = :id and status = 'CLAIMED'",
				Map.of("by", caller.name(), "at", Timestamp.from(now), "note", what));
		events.publishEvent(new CaseEventRecorded(caseOf(claim.needId()), "CHARITY_DELIVERED",
				claim.unitName() + "：" + what, caller.name(), now));
		return find(claimId);
	}

	/**
	 * The charity gives a claim up before delivering; the need is open again and the budget freed.
	 */
	@Transactional
	public ClaimView cancel(UUID claimId, Caller caller) {
		ClaimView claim = own(claimId, caller);
		move(claim, "CLAIMED", "OPEN", "update charity_claim set status = 'CANCELLED' where id = :id and status = 'CLAIMED'",
				Map.of());
		jdbc.sql("update charity_project set committed = committed - :amount where id = :id")
			.param("amount", claim.amount())
			.param("id", claim.projectId())
			.update();
		return find(claimId);
	}

	/**
	 * The township confirms the delivery: it enters the household's assistance chain.
	 */
	@Transactional
	public ClaimView confirm(UUID claimId, Caller caller) {
		ClaimView claim = find(claimId);
		NeedView need = needs.find(claim.needId(), caller);
		if (CharityStaff.isCharity(caller)) {
			throw new org.jijinan.shared.Forbidden("charity.not-allowed");
		}
		Instant now = clock.instant();
		move(claim, "DELIVERED", "CONFIRMED", "update charity_claim set status = 'CONFIRMED', confirmed_by = :by, "
				+ "confirmed_at = :at where id = :id and status = 'DELIVERED'",
				Map.of("by", caller.name(), "at", Timestamp.from(now)));
		CaseView found = cases.find(java.util.Objects.requireNonNull(need.caseNumber()), caller);
		assistance.record(new AssistanceRecords.Received("CHARITY", found.causes().isEmpty() ? null : found.causes().get(0),
				claim.id().toString(), found.householdId(), found.personId(), found.subjectName(),
				regions.path(found.township()), found.number(), claim.amount(), claim.deliveryNote(), caller.name(),
				claim.unitName(), now));
		events.publishEvent(new CaseEventRecorded(found.number(), "CHARITY_CONFIRMED",
				claim.unitName() + " " + claim.amount().toPlainString() + " 元", caller.name(), now));
		return find(claimId);
	}

	/**
	 * @return the claims of the caller's charity, newest first
	 */
	@Transactional(readOnly = true)
	public List<ClaimView> mine(Caller caller) {
		return jdbc.sql(CLAIMS + " where c.unit_id = :unit order by c.claimed_at desc limit 500")
			.param("unit", CharityStaff.charityOf(caller))
			.query(this::view)
			.list();
	}

	/**
	 * @return the claims on a need: for a charity its own, for the staff of the need's area all
	 */
	@Transactional(readOnly = true)
	public List<ClaimView> ofNeed(UUID needId, Caller caller) {
		needs.find(needId, caller);
		if (CharityStaff.isCharity(caller)) {
			return jdbc.sql(CLAIMS + " where c.need_id = :need and c.unit_id = :unit order by c.claimed_at")
				.param("need", needId)
				.param("unit", CharityStaff.charityOf(caller))
				.query(this::view)
				.list();
		}
		return ofNeeds(List.of(needId)).getOrDefault(needId, List.of());
	}

	/**
	 * For the board of government staff, whose needs were already found in their area: the claims of those needs in
	 * one query.
	 * @return the claims by need
	 */
	@Transactional(readOnly = true)
	Map<UUID, List<ClaimView>> ofNeeds(List<UUID> needIds) {
		if (needIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql(CLAIMS + " where c.need_id in (:needs) order by c.claimed_at")
			.param("needs", needIds)
			.query(this::view)
			.list()
			.stream()
			.collect(java.util.stream.Collectors.groupingBy(ClaimView::needId));
	}

	/**
	 * @return the need a claim is on, for the page to return to
	 */
	@Transactional(readOnly = true)
	UUID needOf(UUID claimId) {
		return find(claimId).needId();
	}

	private void move(ClaimView claim, String from, String needTo, String sql, Map<String, Object> parameters) {
		var statement = jdbc.sql(sql).param("id", claim.id());
		for (var parameter : parameters.entrySet()) {
			statement = statement.param(parameter.getKey(), parameter.getValue());
		}
		if (statement.update() == 0) {
			throw new Conflict("charity.claim-not-" + from.toLowerCase(java.util.Locale.ROOT));
		}
		jdbc.sql("update charity_need set status = :status, version = version + 1 where id = :id")
			.param("status", needTo)
			.param("id", claim.needId())
			.update();
	}

	private ClaimView own(UUID claimId, Caller caller) {
		UUID unit = CharityStaff.charityOf(caller);
		ClaimView claim = find(claimId);
		boolean own = jdbc.sql("select unit_id = :unit from charity_claim where id = :id")
			.param("unit", unit)
			.param("id", claimId)
			.query(Boolean.class)
			.single();
		if (!own) {
			throw new org.jijinan.shared.Forbidden("charity.not-your-claim");
		}
		return claim;
	}

	private String caseOf(UUID needId) {
		return jdbc.sql("select case_number from charity_need where id = :id").param("id", needId).query(String.class).single();
	}

	private ClaimView find(UUID id) {
		return jdbc.sql(CLAIMS + " where c.id = :id")
			.param("id", id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFound("charity.claim-not-found"));
	}

	private ClaimView view(java.sql.ResultSet row, int number) throws java.sql.SQLException {
		return new ClaimView(row.getObject("id", UUID.class), row.getObject("need_id", UUID.class),
				row.getObject("project_id", UUID.class), row.getString("project_name"), row.getString("unit_name"),
				row.getBigDecimal("amount"), row.getString("status"), row.getString("claimed_by"),
				row.getTimestamp("claimed_at").toInstant(),
				row.getTimestamp("delivered_at") == null ? null : row.getTimestamp("delivered_at").toInstant(),
				row.getString("delivery_note"), row.getString("confirmed_by"),
				row.getTimestamp("confirmed_at") == null ? null : row.getTimestamp("confirmed_at").toInstant());
	}

}
