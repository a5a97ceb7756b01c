package org.jijinan.charity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives part of an individual's pledge — money, goods or volunteer hours — to a published need. The pledge must fit
 * the need (its area, a kind of help the need asks for), and its remaining quantity goes down with a conditional
 * update, so two officers allocating the last of a pledge at once get one allocation and one refusal. The case's
 * timeline shows the allocation.
 */
@Service
public class PledgeAllocations {

	private final JdbcClient jdbc;

	private final Pledges pledges;

	private final NeedsBoard needs;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PledgeAllocations(JdbcClient jdbc, Pledges pledges, NeedsBoard needs, RegionDirectory regions,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.pledges = pledges;
		this.needs = needs;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @throws RuleViolation {@code charity.pledge-insufficient} when less is left of the pledge than asked
	 */
	@Transactional
	public Allocation allocate(UUID needId, @Nullable UUID pledgeId, @Nullable BigDecimal quantity, Caller caller) {
		Pledges.requireRecorder(caller);
		NeedView need = needs.find(needId, caller);
		if (!"OPEN".equals(need.status())) {
			throw new Conflict("charity.need-not-open");
		}
		Pledges.PledgeView pledge = (pledgeId == null ? null : pledges.find(pledgeId).orElse(null));
		if (pledge == null) {
			throw new NotFound("charity.pledge-unknown");
		}
		if (!pledges.fits(pledge, need, regions.path(new DivisionCode(need.township())))) {
			throw new RuleViolation("charity.pledge-does-not-fit");
		}
		if (quantity == null || quantity.signum() <= 0
				|| quantity.stripTrailingZeros().scale() > (pledge.kind().equals("MONEY") ? 2 : 0)) {
			throw new RuleViolation("charity.pledge-quantity-invalid");
		}
		int taken = jdbc.sql("update charity_pledge set remaining = remaining - :quantity where id = :id and remaining >= :quantity")
			.param("quantity", quantity)
			.param("id", pledge.id())
			.update();
		if (taken == 0) {
			BigDecimal left = remaining(pledge.id());
			throw new RuleViolation("charity.pledge-insufficient",
					pledge.kind().equals("MONEY") ? left.toPlainString() : left.stripTrailingZeros().toPlainString(),
					pledge.unit());
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into charity_pledge_allocation (id, pledge_id, need_id, quantity, allocated_by, allocated_at)
				values (:id, :pledge, :need, :quantity, :by, :at)""")
			.param("id", id)
			.param("pledge", pledge.id())
			.param("need", needId)
			.param("quantity", quantity)
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.update();
		String caseNumber = jdbc.sql("select case_number from charity_need where id = :id")
			.param("id", needId)
			.query(String.class)
			.single();
		events.publishEvent(new CaseEventRecorded(caseNumber, "PLEDGE_ALLOCATED", pledge.donorName() + "："
				+ quantity.stripTrailingZeros().toPlainString() + " " + pledge.unit() + " · " + pledge.description(),
				caller.name(), now));
		return new Allocation(id, pledge.id(), needId, quantity, pledge.unit(), remaining(pledge.id()), now);
	}

	/**
	 * @return what was allocated to the need, newest first
	 */
	@Transactional(readOnly = true)
	public List<Allocation> forNeed(UUID needId, Caller caller) {
		needs.find(needId, caller);
		return jdbc.sql("""
				select a.id, a.pledge_id, a.need_id, a.quantity, p.unit, p.remaining, a.allocated_at
				  from charity_pledge_allocation a join charity_pledge p on p.id = a.pledge_id
				 where a.need_id = :need order by a.allocated_at desc""")
			.param("need", needId)
			.query((row, n) -> new Allocation(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
					row.getObject(3, UUID.class), row.getBigDecimal(4), row.getString(5), row.getBigDecimal(6),
					row.getTimestamp(7).toInstant()))
			.list();
	}

	private BigDecimal remaining(UUID pledgeId) {
		return jdbc.sql("select remaining from charity_pledge where id = :id")
			.param("id", pledgeId)
			.query(BigDecimal.class)
			.single();
	}

	/**
	 * Part of a pledge given to a need.
	 *
	 * @param remaining what is left of the pledge after it
	 */
	public record Allocation(UUID id, UUID pledgeId, UUID needId, BigDecimal quantity, String unit,
			BigDecimal remaining, Instant at) {
	}

}
