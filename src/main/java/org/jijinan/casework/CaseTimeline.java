package org.jijinan.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jijinan.identity.StaffDirectory;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The case's timeline: every event of the case, who caused it and when, appended in the transaction that caused it
 * and never changed (the application may not update or delete its rows).
 */
@Component
class CaseTimeline {

	private final JdbcClient jdbc;

	private final StaffDirectory directory;

	CaseTimeline(JdbcClient jdbc, StaffDirectory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	@EventListener
	void on(CaseOpened opened) {
		append(opened.caseId(), opened.openedAt(), opened.handler(), "OPENED", opened.requestNumber());
	}

	@EventListener
	void on(RequestJoinedCase joined) {
		appendTo(joined.number(), joined.at(), joined.by(), "REQUEST_JOINED", joined.requestNumber());
	}

	@EventListener
	void on(InvestigationRecorded recorded) {
		appendTo(recorded.caseNumber(), recorded.at(), recorded.by(), recorded.what(), recorded.detail());
	}

	@EventListener
	void on(TaskReferred referred) {
		appendTo(referred.caseNumber(), referred.at(), referred.owner(), "TASK_REFERRED", referred.unitName());
	}

	@EventListener
	void on(TaskAccepted accepted) {
		appendTo(accepted.caseNumber(), accepted.at(), accepted.by(), "TASK_ACCEPTED", accepted.unitName());
	}

	@EventListener
	void on(TaskReturned returned) {
		appendTo(returned.caseNumber(), returned.at(), returned.by(), "TASK_RETURNED",
				returned.unitName() + "：" + returned.reason());
	}

	@EventListener
	void on(TaskCompleted completed) {
		appendTo(completed.caseNumber(), completed.at(), completed.by(), "TASK_COMPLETED",
				completed.unitName() + "：" + completed.result());
	}

	@EventListener
	void on(TaskWithdrawn withdrawn) {
		appendTo(withdrawn.caseNumber(), withdrawn.at(), withdrawn.by(), "TASK_WITHDRAWN",
				withdrawn.unitName() + "：" + withdrawn.reason());
	}

	@EventListener
	void on(CaseHandedOver handedOver) {
		append(handedOver.caseId(), handedOver.at(), handedOver.by(), "HANDED_OVER",
				nameOf(handedOver.from()) + " → " + nameOf(handedOver.to()) + "：" + handedOver.reason());
	}

	@EventListener
	void on(CasePersonLinked linked) {
		append(linked.caseId(), linked.at(), linked.by(), "PERSON_LINKED", "");
	}

	private String nameOf(String username) {
		return directory.displayName(username).orElse(username);
	}

	@EventListener
	void on(CaseEventRecorded recorded) {
		appendTo(recorded.caseNumber(), recorded.at(), recorded.by(), recorded.kind(),
				recorded.detail().length() > 1000 ? recorded.detail().substring(0, 1000) : recorded.detail());
	}

	@EventListener
	void on(CaseStatusChanged changed) {
		String detail = changed.note() == null ? "" : changed.note();
		if (changed.transferredTo() != null) {
			detail = changed.transferredTo().value() + " " + detail;
		}
		append(changed.caseId(), changed.at(), changed.by(), "STATUS_" + changed.to().name(), detail);
	}

	private void appendTo(String caseNumber, Instant at, String actor, String kind, String detail) {
		UUID caseId = jdbc.sql("select id from casework_case where number = :number")
			.param("number", caseNumber)
			.query(UUID.class)
			.single();
		append(caseId, at, actor, kind, detail);
	}

	void append(UUID caseId, Instant at, String actor, String kind, String detail) {
		jdbc.sql("""
				insert into casework_timeline (case_id, occurred_at, actor, kind, detail)
				values (:caseId, :at, :actor, :kind, :detail)""")
			.param("caseId", caseId)
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("kind", kind)
			.param("detail", detail.length() > 1000 ? detail.substring(0, 1000) : detail)
			.update();
	}

	List<TimelineEntry> of(UUID caseId) {
		return jdbc.sql("""
				select occurred_at, actor, kind, detail from casework_timeline where case_id = :caseId order by id""")
			.param("caseId", caseId)
			.query((row, n) -> new TimelineEntry(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3),
					row.getString(4)))
			.list();
	}

}
