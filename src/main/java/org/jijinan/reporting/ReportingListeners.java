package org.jijinan.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.casework.CaseOpened;
import org.jijinan.casework.TaskCompleted;
import org.jijinan.casework.TaskReferred;
import org.jijinan.casework.TaskReturned;
import org.jijinan.intake.HardshipCause;
import org.jijinan.intake.HelpRequestReceived;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.relief.AssistanceRecorded;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the dashboards from the other modules' events, after their transactions commit, each in its own
 * transaction and counted once. A service record for a case the dashboards do not know yet fails and is handed over
 * again a minute later, when the case is known.
 */
@Component
class ReportingListeners {

	/** Kinds of case events that are services delivered (the others are assessments, plans and closings). */
	private static final Set<String> NOT_SERVICES = Set.of("SERVICE_ASSESSED", "SERVICE_PLANNED", "SERVICE_CLOSED");

	private final Rollups rollups;

	private final IntakeDesk intake;

	ReportingListeners(Rollups rollups, IntakeDesk intake) {
		this.rollups = rollups;
		this.intake = intake;
	}

	@ApplicationModuleListener
	void on(HelpRequestReceived received) {
		if (rollups.firstTime("request:" + received.number())) {
			rollups.request(received.number(), received.township().value(), received.channel().name(),
					firstCause(received.causes()), received.urgency().name(), received.receivedAt());
		}
	}

	@ApplicationModuleListener
	void on(CaseOpened opened) {
		if (rollups.firstTime("case:" + opened.number())) {
			rollups.caseOpened(opened.number(), opened.requestNumber(), opened.township().value(),
					opened.urgency().name(), opened.firstReceivedAt());
		}
	}

	@ApplicationModuleListener
	void on(AssistanceRecorded recorded) {
		String key = "aid:" + recorded.recordId();
		if (!rollups.firstTime(key)) {
			return;
		}
		rollups.activity(key, recorded.at(), township(recorded.townshipPath()), recorded.scheme(), recorded.amount());
		if (recorded.caseNumber() != null) {
			rollups.aid(recorded.caseNumber(), recorded.at());
		}
	}

	@ApplicationModuleListener
	void on(TaskReferred referred) {
		// Once per task and unit: a task returned by one unit and referred to another counts for each of them.
		if (rollups.firstTime("task-referred:" + referred.taskId() + ":" + referred.unitId())) {
			rollups.unit(referred.taskId(), 0, referred.at(), referred.township().value(), referred.unitId(),
					referred.unitName(), "referred", 0);
		}
	}

	@ApplicationModuleListener
	void on(TaskCompleted completed) {
		if (rollups.firstTime("task-completed:" + completed.taskId())) {
			rollups.unit(completed.taskId(), 0, completed.at(), completed.township().value(), completed.unitId(),
					completed.unitName(), "completed", completed.at().isAfter(completed.dueAt()) ? 0 : 1);
		}
	}

	@ApplicationModuleListener
	void on(TaskReturned returned) {
		if (rollups.firstTime("task-returned:" + returned.taskId() + ":" + returned.returns())) {
			rollups.unit(returned.taskId(), returned.returns(), returned.at(), returned.township().value(),
					returned.unitId(), returned.unitName(), "returns", 0);
		}
	}

	@ApplicationModuleListener
	void on(CaseEventRecorded recorded) {
		if (!recorded.kind().startsWith("SERVICE_") || NOT_SERVICES.contains(recorded.kind())) {
			return;
		}
		String township = rollups.townshipOf(recorded.caseNumber());
		if (township == null) {
			throw new IllegalStateException("case " + recorded.caseNumber() + " not known to the dashboards yet");
		}
		String key = "service:" + recorded.caseNumber() + ":" + recorded.kind() + ":" + recorded.at().toEpochMilli();
		if (rollups.firstTime(key)) {
			rollups.activity(key, recorded.at(), township, recorded.kind(), BigDecimal.ZERO);
		}
	}

	/**
	 * @return the first of the causes in the taxonomy's order (sudden causes first), so each request and case
	 * counts under one cause
	 */
	private String firstCause(@Nullable Set<String> causes) {
		if (causes == null || causes.isEmpty()) {
			return "OTHER";
		}
		List<HardshipCause> taxonomy = intake.causes();
		return taxonomy.stream()
			.map(HardshipCause::code)
			.filter(causes::contains)
			.findFirst()
			.orElseGet(() -> causes.stream().sorted().findFirst().orElse("OTHER"));
	}

	/**
	 * @return the township's code: the 9-digit code in a region path ({@code /630000/632500/632521/632521101/})
	 */
	static String township(String path) {
		for (String code : path.split("/")) {
			if (code.length() == 9) {
				return code;
			}
		}
		throw new IllegalArgumentException("no township in " + path);
	}

}
