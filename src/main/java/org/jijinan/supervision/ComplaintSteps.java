package org.jijinan.supervision;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.complaints.ComplaintAcknowledged;
import org.jijinan.complaints.ComplaintAnswered;
import org.jijinan.complaints.ComplaintEscalated;
import org.jijinan.complaints.ComplaintExtended;
import org.jijinan.complaints.ComplaintKind;
import org.jijinan.complaints.ComplaintReceived;
import org.jijinan.complaints.Consequences;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.UnitId;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A complaint owes its handling unit an acknowledgement and an answer, each a step with warning, overdue and
 * escalation like any other: a received or escalated complaint opens both (owed by the unit's handler with the
 * fewest complaints open), an acknowledgement finishes the first and makes its signer responsible for the answer, an
 * extension moves the answer's due time, the answer finishes it.
 */
@Component
class ComplaintSteps {

	private final Steps steps;

	private final StaffDirectory directory;

	private final JdbcClient jdbc;

	private final SupervisionOrders orders;

	private final Accountability accountability;

	ComplaintSteps(Steps steps, StaffDirectory directory, JdbcClient jdbc, SupervisionOrders orders,
			Accountability accountability) {
		this.orders = orders;
		this.accountability = accountability;
		this.steps = steps;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ComplaintReceived received) {
		open(received.number(), received.countyPath(), received.handlerUnit(), received.handlerName(),
				received.receivedAt(), received.acknowledgeBy(), received.answerBy());
	}

	@EventListener
	void on(ComplaintEscalated escalated) {
		open(escalated.number(), escalated.countyPath(), escalated.handlerUnit(), escalated.handlerName(),
				escalated.at(), escalated.acknowledgeBy(), escalated.answerBy());
	}

	@EventListener
	void on(ComplaintAcknowledged acknowledged) {
		steps.finish(EnumSet.of(StepKind.COMPLAINT_ACKNOWLEDGEMENT), acknowledged.number(), "DONE", acknowledged.at(),
				acknowledged.by());
		steps.reassign(StepKind.COMPLAINT_ANSWER, acknowledged.number(), acknowledged.by(), null, null);
	}

	@EventListener
	void on(ComplaintExtended extended) {
		steps.extend(StepKind.COMPLAINT_ANSWER, extended.number(), extended.answerBy());
	}

	/**
	 * The answer finishes the steps; a founded complaint's supervision order and accountability record are made with
	 * it, in the same transaction.
	 */
	@EventListener
	void on(ComplaintAnswered answered) {
		steps.finish(EnumSet.of(StepKind.COMPLAINT_ACKNOWLEDGEMENT, StepKind.COMPLAINT_ANSWER), answered.number(),
				"DONE", answered.at(), answered.by());
		Consequences consequences = answered.consequences();
		if (consequences.order() != null && consequences.caseNumber() != null && consequences.caseTownship() != null
				&& consequences.caseHandler() != null) {
			orders.issueForComplaint(answered.number(), consequences.caseNumber(), consequences.caseTownship(),
					consequences.caseHandler(), consequences.order(), answered.by(), answered.at());
		}
		if (consequences.accountable() && answered.subjectUnit() != null) {
			accountability.recordForComplaint(answered.number(), failureOf(answered.kind()),
					consequences.caseNumber(), answered.subjectPath(), StepRecorder.unitKey(answered.subjectUnit()),
					answered.subjectName() == null ? "" : answered.subjectName(), consequences.person(),
					answered.by(), answered.at());
		}
	}

	private static FailureType failureOf(ComplaintKind kind) {
		return switch (kind) {
			case DECISION_REFUSED -> FailureType.WRONGLY_REFUSED;
			case DECISION_AMOUNT, FRAUD -> FailureType.WRONG_DECISION;
			case DECISION_DELAYED -> FailureType.LATE;
			case CONDUCT_REFUSED_TO_ACCEPT -> FailureType.NOT_ACCEPTED;
			case CONDUCT_LEAKED_DATA -> FailureType.DATA_LEAKED;
			case CONDUCT_ASKED_FOR_MONEY, CONDUCT_RUDE, SERVICE_QUALITY -> FailureType.MISCONDUCT;
		};
	}

	private void open(String number, String countyPath, UUID unit, String unitName, Instant at, Instant acknowledgeBy,
			Instant answerBy) {
		String unitKey = StepRecorder.unitKey(unit);
		String responsible = leastBusy(unit);
		steps.openAll(List.of(
				new Steps.Opening(StepKind.COMPLAINT_ACKNOWLEDGEMENT, number, null, countyPath, unitKey, unitName,
						responsible, at, acknowledgeBy),
				new Steps.Opening(StepKind.COMPLAINT_ANSWER, number, null, countyPath, unitKey, unitName, responsible,
						at, answerBy)));
	}

	/**
	 * @return the handler of the unit with the fewest complaint answers owed; empty when the unit has none (the
	 * unit itself is then alerted when the step is overdue)
	 */
	private String leastBusy(UUID unit) {
		var view = directory.unit(new UnitId(unit));
		if (view.isEmpty()) {
			return "";
		}
		List<String> handlers = directory.accountsHolding(view.get().id(), handlerRoles(view.get().kind()));
		if (handlers.isEmpty()) {
			return "";
		}
		Map<String, Long> owed = new HashMap<>();
		jdbc.sql("""
				select responsible, count(*) from supervision_step
				 where kind = 'COMPLAINT_ANSWER' and status = 'OPEN' and responsible in (:handlers)
				 group by responsible""")
			.param("handlers", handlers)
			.query((row, n) -> owed.put(row.getString(1), row.getLong(2)))
			.list();
		return handlers.stream().min(Comparator.comparing((String name) -> owed.getOrDefault(name, 0L))).orElse("");
	}

	private static java.util.Set<String> handlerRoles(org.jijinan.identity.UnitKind kind) {
		return kind == org.jijinan.identity.UnitKind.SUPERVISION_OFFICE ? java.util.Set.of("SUPERVISOR")
				: java.util.Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER");
	}

}
