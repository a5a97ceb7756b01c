package org.jijinan.supervision;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseHandedOver;
import org.jijinan.casework.CaseOpened;
import org.jijinan.casework.CaseStatus;
import org.jijinan.casework.CaseStatusChanged;
import org.jijinan.casework.TaskAccepted;
import org.jijinan.casework.TaskCompleted;
import org.jijinan.casework.TaskReferred;
import org.jijinan.casework.TaskReturned;
import org.jijinan.casework.TaskWithdrawn;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.UnitKind;
import org.jijinan.identity.UnitView;
import org.jijinan.intake.CallBackOwed;
import org.jijinan.intake.CallBackRecorded;
import org.jijinan.intake.HelpRequestAccepted;
import org.jijinan.intake.HelpRequestClosed;
import org.jijinan.intake.HelpRequestReceived;
import org.jijinan.intake.HelpRequestRefused;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.monitoring.WarningChecked;
import org.jijinan.monitoring.WarningsRaised;
import org.jijinan.monitoring.WarningWithdrawn;
import org.jijinan.relief.ApprovalLevel;
import org.jijinan.relief.AssistanceRefused;
import org.jijinan.relief.DecisionMade;
import org.jijinan.relief.DecisionStatus;
import org.jijinan.relief.EmergencyAidGranted;
import org.jijinan.relief.EmergencyPaperworkCompleted;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DivisionCode;
import org.jijinan.timelimits.TimeLimit;
import org.jijinan.timelimits.TimeLimits;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns other modules' events into owed steps: a received request owes a decision (and, when its caller asked for
 * one, a call-back), an opened case an investigation, a proposal a decision, a decision a delivery, a referred task
 * its acceptance and then its completion. The step a later event fulfils is finished; a case that ends cancels what it still owed.
 * <p>
 * Listens inside the transaction that publishes each event, so a step opens and closes together with the change
 * that causes it, in the order the changes happened.
 */
@Component
class StepRecorder {

	private static final Set<StepKind> TASK_STEPS = EnumSet.of(StepKind.TASK_ACCEPTANCE, StepKind.TASK_COMPLETION);

	/** How many owed decisions of each decider are counted when choosing one (see {@link #decider}). */
	static final int COUNTED_UP_TO = 50;

	private final Steps steps;

	private final RegionDirectory regions;

	private final WorkingDayCalendar calendar;

	private final SupervisionSettings settings;

	private final JdbcClient jdbc;

	private final StaffDirectory directory;

	private final TimeLimits timeLimits;

	StepRecorder(Steps steps, RegionDirectory regions, WorkingDayCalendar calendar, SupervisionSettings settings,
			JdbcClient jdbc, StaffDirectory directory, TimeLimits timeLimits) {
		this.directory = directory;
		this.timeLimits = timeLimits;
		this.steps = steps;
		this.regions = regions;
		this.calendar = calendar;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@EventListener
	void on(HelpRequestReceived received) {
		String townshipPath = regions.path(received.township());
		steps.open(StepKind.REQUEST_DECISION, received.number(), null, townshipPath, townshipKey(received.township()),
				townshipName(received.township()), decider(received.number(), received.owner(), townshipPath),
				received.receivedAt(), received.acceptBy());
	}

	/**
	 * Who answers for deciding a request: its first-contact owner when they may decide it (the township's intake,
	 * review or approval staff); otherwise — a village reporter, the hotline, another township's clerk — the
	 * township's member of those staff with the fewest decisions owed. Owed decisions are counted up to
	 * {@link #COUNTED_UP_TO} each, so that the choice reads a few index entries however long a township's queue
	 * grows; among those owing that many or more, the request's number spreads the requests evenly.
	 */
	private String decider(String number, String owner, String townshipPath) {
		List<String> deciders = directory.colleagues(townshipPath, IntakeDesk.TOWNSHIP_ROLES)
			.stream()
			.map(StaffDirectory.Colleague::username)
			.toList();
		if (deciders.isEmpty() || deciders.contains(owner)) {
			return owner;
		}
		Map<String, Long> owed = new HashMap<>();
		jdbc.sql("""
				select d.name, count(s.one) from unnest(array[:deciders]) as d(name)
				  left join lateral (select 1 as one from supervision_step
				                      where kind = 'REQUEST_DECISION' and status = 'OPEN' and responsible = d.name
				                      limit :upTo) s on true
				 group by d.name""")
			.param("deciders", deciders)
			.param("upTo", COUNTED_UP_TO)
			.query((row, n) -> owed.put(row.getString(1), row.getLong(2)))
			.list();
		long fewest = deciders.stream().mapToLong(name -> owed.getOrDefault(name, 0L)).min().orElse(0);
		List<String> least = deciders.stream().filter(name -> owed.getOrDefault(name, 0L) == fewest).toList();
		return fewest < COUNTED_UP_TO ? least.get(0) : least.get(Math.floorMod(number.hashCode(), least.size()));
	}
	@EventListener
	void on(HelpRequestAccepted accepted) {
		steps.finish(EnumSet.of(StepKind.REQUEST_DECISION), accepted.number(), "DONE", accepted.acceptedAt(),
				accepted.acceptedBy());
	}

	@EventListener
	void on(HelpRequestRefused refused) {
		steps.finish(EnumSet.of(StepKind.REQUEST_DECISION), refused.number(), "DONE", refused.refusedAt(),
				refused.refusedBy());
	}

	@EventListener
	void on(HelpRequestClosed closed) {
		steps.finish(EnumSet.of(StepKind.REQUEST_DECISION), closed.number(), "DONE", closed.at(), closed.by());
	}

	/** A caller who asked to be called back is owed the call, with the township as the unit that answers for it. */
	@EventListener
	void on(CallBackOwed owed) {
		steps.open(StepKind.CALL_BACK, owed.number(), null, regions.path(owed.township()), townshipKey(owed.township()),
				townshipName(owed.township()), owed.owner(), owed.receivedAt(), owed.dueAt());
	}

	/** Reaching the caller, or the last unanswered attempt allowed, closes the call-back. */
	@EventListener
	void on(CallBackRecorded recorded) {
		if (!recorded.status().owed()) {
			steps.finish(EnumSet.of(StepKind.CALL_BACK), recorded.number(), "DONE", recorded.at(), recorded.by());
		}
	}

	/**
	 * A warning raised from data owes its owner a check, with the township answering for it; a file's warnings are
	 * opened in one batch, each township looked up once.
	 */
	@EventListener
	void on(WarningsRaised raised) {
		Map<DivisionCode, String[]> townships = new HashMap<>();
		steps.openAll(raised.warnings().stream().map(warning -> {
			String[] township = townships.computeIfAbsent(warning.township(),
					code -> new String[] { regions.path(code), townshipName(code) });
			return new Steps.Opening(StepKind.WARNING_CHECK, warning.number(), null, township[0],
					townshipKey(warning.township()), township[1], warning.owner() == null ? "" : warning.owner(),
					warning.raisedAt(), warning.dueAt());
		}).toList());
	}

	/** A check closes the step; a household not reached is owed another check by the retry deadline. */
	/** A warning withdrawn before its check owes nothing any more. */
	@EventListener
	void on(WarningWithdrawn withdrawn) {
		steps.finish(EnumSet.of(StepKind.WARNING_CHECK), withdrawn.number(), "CANCELLED", withdrawn.at(), "system");
	}

	@EventListener
	void on(WarningChecked checked) {
		steps.finish(EnumSet.of(StepKind.WARNING_CHECK), checked.number(), "DONE", checked.at(), checked.by());
		if (checked.retryBy() != null) {
			steps.open(StepKind.WARNING_CHECK, checked.number(), null, regions.path(checked.township()),
					townshipKey(checked.township()), townshipName(checked.township()), checked.owner(), checked.at(),
					checked.retryBy());
		}
	}

	@EventListener
	void on(CaseOpened opened) {
		openCaseStep(StepKind.INVESTIGATION, opened.number(), opened.township(), opened.handler(), opened.openedAt(),
				timeLimits.due(TimeLimit.INVESTIGATION, opened.township(), opened.openedAt()));
	}

	@EventListener
	void on(CaseStatusChanged changed) {
		String handler = changed.handler();
		switch (changed.to()) {
			case AWAITING_DECISION -> {
				finishCaseStep(StepKind.INVESTIGATION, changed);
				openCaseStep(StepKind.APPROVAL, changed.number(), changed.township(), handler, changed.at(),
						timeLimits.due(TimeLimit.DECISION, changed.township(), changed.at()));
			}
			case INVESTIGATING -> {
				if (changed.from() == CaseStatus.AWAITING_DECISION) {
					finishCaseStep(StepKind.APPROVAL, changed);
					openCaseStep(StepKind.INVESTIGATION, changed.number(), changed.township(), handler, changed.at(),
							timeLimits.due(TimeLimit.INVESTIGATION, changed.township(), changed.at()));
				}
			}
			case DECIDED -> {
				finishCaseStep(StepKind.APPROVAL, changed);
				openCaseStep(StepKind.PAYMENT, changed.number(), changed.township(), changed.by(), changed.at(),
						calendar.plusWorkingDays(changed.at(), settings.paymentWorkingDays()));
			}
			case DELIVERING -> finishCaseStep(StepKind.PAYMENT, changed);
			case CLOSED, WITHDRAWN, TRANSFERRED -> steps.cancelCase(changed.number(), changed.at(), changed.by());
			default -> {
			}
		}
	}

	/** The new handler owns what the case still owes that the old one owned. */
	@EventListener
	void on(CaseHandedOver handedOver) {
		steps.reassignCase(handedOver.number(), handedOver.from(), handedOver.to());
	}

	@EventListener
	void on(TaskReferred referred) {
		steps.open(StepKind.TASK_ACCEPTANCE, referred.taskId().toString(), referred.caseNumber(),
				regions.path(referred.township()), unitKey(referred.unitId()), referred.unitName(), referred.owner(),
				referred.at(), referred.acceptBy());
	}

	@EventListener
	void on(TaskAccepted accepted) {
		String task = accepted.taskId().toString();
		steps.finish(EnumSet.of(StepKind.TASK_ACCEPTANCE), task, "DONE", accepted.at(), accepted.by());
		steps.open(StepKind.TASK_COMPLETION, task, accepted.caseNumber(), regions.path(accepted.township()),
				unitKey(accepted.unitId()), accepted.unitName(), accepted.by(), accepted.at(), accepted.dueAt());
	}

	@EventListener
	void on(TaskReturned returned) {
		steps.finish(TASK_STEPS, returned.taskId().toString(), "RETURNED", returned.at(), returned.by());
	}

	@EventListener
	void on(TaskWithdrawn withdrawn) {
		steps.finish(TASK_STEPS, withdrawn.taskId().toString(), "CANCELLED", withdrawn.at(), withdrawn.by());
	}

	@EventListener
	void on(TaskCompleted completed) {
		steps.finish(EnumSet.of(StepKind.TASK_COMPLETION), completed.taskId().toString(), "DONE", completed.at(),
				completed.by());
	}

	/**
	 * A proposal or its review hands the approval step to whoever acted last, who answers for getting it decided;
	 * a decision for the county goes to the county's civil-affairs bureau.
	 */
	@EventListener
	void on(DecisionMade made) {
		if (made.status() != DecisionStatus.PROPOSED && made.status() != DecisionStatus.REVIEWED) {
			return;
		}
		java.util.Optional<UnitView> bureau = made.level() == ApprovalLevel.COUNTY ? countyBureau(made.caseNumber())
				: java.util.Optional.empty();
		steps.reassign(StepKind.APPROVAL, made.caseNumber(), made.by(),
				bureau.map(unit -> unitKey(unit.id().value())).orElse(null), bureau.map(UnitView::name).orElse(null));
	}

	/** A refused decision has nothing to deliver. */
	@EventListener
	void on(AssistanceRefused refused) {
		steps.finish(EnumSet.of(StepKind.PAYMENT), refused.caseNumber(), "CANCELLED", refused.at(), refused.by());
	}

	@EventListener
	void on(EmergencyAidGranted granted) {
		steps.open(StepKind.EMERGENCY_PAPERWORK, granted.number(), granted.caseNumber(),
				regions.path(granted.township()), townshipKey(granted.township()), townshipName(granted.township()),
				granted.by(), granted.at(), granted.paperworkDue());
	}

	@EventListener
	void on(EmergencyPaperworkCompleted completed) {
		steps.finish(EnumSet.of(StepKind.EMERGENCY_PAPERWORK), completed.number(), "DONE", completed.at(),
				completed.by());
	}

	private void openCaseStep(StepKind kind, String caseNumber, DivisionCode township, String responsible,
			Instant start, Instant due) {
		steps.open(kind, caseNumber, caseNumber, regions.path(township), townshipKey(township), townshipName(township),
				responsible, start, due);
	}

	private void finishCaseStep(StepKind kind, CaseStatusChanged changed) {
		steps.finish(EnumSet.of(kind), changed.number(), "DONE", changed.at(), changed.by());
	}

	private java.util.Optional<UnitView> countyBureau(String caseNumber) {
		return jdbc.sql("select area_path from supervision_step where case_number = :caseNumber limit 1")
			.param("caseNumber", caseNumber)
			.query(String.class)
			.optional()
			.map(path -> path.split("/"))
			.filter(parts -> parts.length > 3)
			.map(parts -> "/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/")
			.flatMap(countyPath -> directory.referralTargets(countyPath)
				.stream()
				.filter(unit -> unit.kind() == UnitKind.COUNTY_CIVIL_AFFAIRS)
				.findFirst());
	}

	private String townshipName(DivisionCode township) {
		return regions.find(township).map(division -> division.name()).orElse(township.value());
	}

	static String townshipKey(DivisionCode township) {
		return "township:" + township.value();
	}

	static String unitKey(java.util.UUID unitId) {
		return "unit:" + unitId;
	}

}
