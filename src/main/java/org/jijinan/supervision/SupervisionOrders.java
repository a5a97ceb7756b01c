package org.jijinan.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision orders (督办单): a supervisor orders action on a case with a date by which the handling township must
 * reply; the reply is a step like any other, warned and escalated when late.
 */
@Service
public class SupervisionOrders {

	private final JdbcClient jdbc;

	private final CaseDesk cases;

	private final Steps steps;

	private final RegionDirectory regions;

	private final Clock clock;

	private final WorkingDayCalendar calendar;

	SupervisionOrders(JdbcClient jdbc, CaseDesk cases, Steps steps, RegionDirectory regions, WorkingDayCalendar calendar,
			Clock clock) {
		this.calendar = calendar;
		this.jdbc = jdbc;
		this.cases = cases;
		this.steps = steps;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * Issues an order on a case.
	 * @param replyBy the last day for the reply (end of that day in the county)
	 */
	@Transactional
	public Order issue(String caseNumber, @Nullable String instruction, @Nullable LocalDate replyBy, Caller caller) {
		if (!caller.hasRole("SUPERVISOR")) {
			throw new Forbidden("supervision.supervisors-only");
		}
		CaseView found = cases.find(caseNumber, caller);
		String text = WrittenText.required(instruction, 4, 2000, "supervision.instruction-required");
		Instant now = clock.instant();
		if (replyBy == null || replyBy.isBefore(LocalDate.ofInstant(now, WorkingDayCalendar.COUNTY))) {
			throw new InvalidInput("supervision.reply-date-invalid");
		}
		Instant due = replyBy.plusDays(1).atStartOfDay(WorkingDayCalendar.COUNTY).toInstant().minusSeconds(1);
		UUID id = UUID.randomUUID();
		String area = regions.path(found.township());
		jdbc.sql("""
				insert into supervision_order (id, case_number, area_path, instruction, issued_by, issued_at, reply_by,
				                               version)
				values (:id, :caseNumber, :area, :instruction, :by, :now, :due, 0)""")
			.param("id", id)
			.param("caseNumber", caseNumber)
			.param("area", area)
			.param("instruction", text)
			.param("by", caller.name())
			.param("now", Timestamp.from(now))
			.param("due", Timestamp.from(due))
			.update();
		steps.open(StepKind.ORDER_REPLY, id.toString(), caseNumber, area, StepRecorder.townshipKey(found.township()),
				regions.find(found.township()).map(d -> d.name()).orElse(found.township().value()), found.handler(),
				now, due);
		return find(id);
	}

	/**
	 * Issues the order a founded complaint's handler asked for on a case, due in five working days; the complaint's
	 * handler decided it, so no supervisor's role is asked for here.
	 */
	void issueForComplaint(String complaint, String caseNumber, DivisionCode township, String handler,
			String instruction, String by, Instant at) {
		Instant due = calendar.plusWorkingDays(at, 5);
		UUID id = UUID.randomUUID();
		String area = regions.path(township);
		jdbc.sql("""
				insert into supervision_order (id, case_number, area_path, instruction, issued_by, issued_at, reply_by,
				                               version, complaint_number)
				values (:id, :caseNumber, :area, :instruction, :by, :now, :due, 0, :complaint)""")
			.param("id", id)
			.param("caseNumber", caseNumber)
			.param("area", area)
			.param("instruction", "（投诉举报 " + complaint + "）" + instruction)
			.param("by", by)
			.param("now", Timestamp.from(at))
			.param("due", Timestamp.from(due))
			.param("complaint", complaint)
			.update();
		steps.open(StepKind.ORDER_REPLY, id.toString(), caseNumber, area, StepRecorder.townshipKey(township),
				regions.find(township).map(d -> d.name()).orElse(township.value()), handler, at, due);
	}

	/**
	 * The handling township replies to an order.
	 */
	@Transactional
	public Order reply(UUID orderId, @Nullable String reply, Caller caller) {
		Order order = find(orderId);
		cases.find(order.caseNumber(), caller);
		if (!SupervisionReaders.answersOrders(caller)) {
			throw new Forbidden("supervision.reply-by-handler");
		}
		String text = WrittenText.required(reply, 4, 2000, "supervision.reply-required");
		Instant now = clock.instant();
		int replied = jdbc.sql("""
				update supervision_order set reply = :reply, replied_by = :by, replied_at = :now, version = version + 1
				 where id = :id and reply is null""")
			.param("reply", text)
			.param("by", caller.name())
			.param("now", Timestamp.from(now))
			.param("id", orderId)
			.update();
		if (replied == 0) {
			throw new Conflict("supervision.order-already-replied");
		}
		steps.finish(List.of(StepKind.ORDER_REPLY), orderId.toString(), "DONE", now, caller.name());
		return find(orderId);
	}

	/**
	 * @return the orders in the caller's area, unanswered first, to its supervisors and leaders and to the case
	 * handlers who answer them (403 {@code supervision.not-allowed} for anyone else)
	 */
	@Transactional(readOnly = true)
	public List<Order> inArea(Caller caller) {
		String scope = SupervisionReaders.area(caller, SupervisionReaders.ORDER_READERS, regions);
		return jdbc.sql("""
				select * from supervision_order where area_path like :scope || '%'
				 order by reply is not null, reply_by limit 200""")
			.param("scope", scope)
			.query(SupervisionOrders::map)
			.list();
	}

	/**
	 * @return the orders issued on a case, to staff who may see it, oldest first
	 */
	@Transactional(readOnly = true)
	public List<Order> ofCase(String caseNumber, Caller caller) {
		cases.find(caseNumber, caller);
		return jdbc.sql("select * from supervision_order where case_number = :caseNumber order by issued_at")
			.param("caseNumber", caseNumber)
			.query(SupervisionOrders::map)
			.list();
	}

	private Order find(UUID id) {
		return jdbc.sql("select * from supervision_order where id = :id")
			.param("id", id)
			.query(SupervisionOrders::map)
			.optional()
			.orElseThrow(() -> new NotFound("supervision.order-not-found"));
	}

	private static Order map(java.sql.ResultSet row, int n) throws java.sql.SQLException {
		return new Order(row.getObject("id", UUID.class), row.getString("case_number"), row.getString("instruction"),
				row.getString("issued_by"), row.getTimestamp("issued_at").toInstant(),
				row.getTimestamp("reply_by").toInstant(), row.getString("reply"), row.getString("replied_by"),
				row.getTimestamp("replied_at") == null ? null : row.getTimestamp("replied_at").toInstant());
	}

	/**
	 * A supervision order.
	 *
	 * @param id the order
	 * @param caseNumber the case
	 * @param instruction what is ordered
	 * @param issuedBy the supervisor
	 * @param issuedAt when
	 * @param replyBy when the reply is due
	 * @param reply the township's reply
	 * @param repliedBy who replied
	 * @param repliedAt when
	 */
	public record Order(UUID id, String caseNumber, String instruction, String issuedBy, Instant issuedAt,
			Instant replyBy, @Nullable String reply, @Nullable String repliedBy, @Nullable Instant repliedAt) {
	}

}
