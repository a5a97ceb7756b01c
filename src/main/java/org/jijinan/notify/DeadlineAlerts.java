package org.jijinan.notify;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.supervision.StepEscalated;
import org.jijinan.supervision.StepKind;
import org.jijinan.supervision.StepsEscalated;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about deadlines in their inbox: a warning to the person responsible while there is time; when the
 * step is overdue, that person and their unit (a township's staff, or the receiving unit of a task); when it stays
 * overdue, the supervisors of the area. A sweep's batch of escalations is told in one batch of messages, the names
 * of those responsible read once.
 */
@Component
class DeadlineAlerts {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(WorkingDayCalendar.COUNTY);

	private final Outbox outbox;

	private final StaffDirectory staff;

	DeadlineAlerts(Outbox outbox, StaffDirectory staff) {
		this.outbox = outbox;
		this.staff = staff;
	}

	@ApplicationModuleListener
	void on(StepsEscalated batch) {
		Map<String, String> names = staff.displayNames(
				batch.steps().stream().map(StepEscalated::responsible).collect(Collectors.toSet()));
		List<Outbox.InboxNote> notes = new ArrayList<>();
		batch.steps().forEach(step -> alert(step, names.getOrDefault(step.responsible(), step.responsible()), notes));
		outbox.inbox(notes);
	}

	private static void alert(StepEscalated step, String responsible, List<Outbox.InboxNote> notes) {
		String what = describe(step.kind()) + " " + step.subjectRef()
				+ (step.caseNumber() != null && !step.caseNumber().equals(step.subjectRef()) ? "（个案 " + step.caseNumber() + "）" : "");
		String who = "责任人 " + responsible + "（" + step.unitName() + "）";
		String link = step.kind().pageFor(step.subjectRef(), step.caseNumber());
		String key = "deadline:" + step.stepId() + ":" + step.level();
		switch (step.level()) {
			case WARNING -> notes.add(new Outbox.InboxNote(key, Inbox.account(step.responsible()),
					"【预警】" + what + " 将于 " + DUE.format(step.dueAt()) + " 到期，请抓紧办理。" + who + "。", link));
			case OVERDUE -> {
				String text = "【超时】" + what + " 已于 " + DUE.format(step.dueAt()) + " 到期仍未办结。" + who + "。";
				notes.add(new Outbox.InboxNote(key, Inbox.account(step.responsible()), text, link));
				notes.add(new Outbox.InboxNote(key + ":unit", unitRecipient(step), text, link));
			}
			case SUPERVISOR -> notes.add(new Outbox.InboxNote(key, Inbox.supervisors(step.areaPath()),
					"【督办提示】" + what + " 已超过时限（" + DUE.format(step.dueAt()) + "），" + who + "，请督促办理。",
					link));
		}
	}

	private static String unitRecipient(StepEscalated step) {
		return step.unitKey().startsWith("unit:") ? step.unitKey() : Inbox.area(step.areaPath());
	}

	private static String describe(StepKind kind) {
		return switch (kind) {
			case REQUEST_DECISION -> "求助受理";
			case INVESTIGATION -> "个案调查核实";
			case APPROVAL -> "个案审批";
			case PAYMENT -> "救助发放";
			case TASK_ACCEPTANCE -> "转办任务签收";
			case TASK_COMPLETION -> "转办任务办结";
			case ORDER_REPLY -> "督办单回复";
			case EMERGENCY_PAPERWORK -> "先行救助补办手续";
			case CALL_BACK -> "回电";
			case WARNING_CHECK -> "预警核实";
			case COMPLAINT_ACKNOWLEDGEMENT -> "投诉举报签收";
			case COMPLAINT_ANSWER -> "投诉举报答复";
			case PILOT_ACTION -> "试点工作事项";
		};
	}

}
