package org.jijinan.sharing;

import java.util.UUID;

import org.jijinan.casework.TaskKind;
import org.jijinan.casework.TaskReferred;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.UnitId;
import org.jijinan.identity.UnitKind;
import org.jijinan.relief.AssistanceApproved;
import org.jijinan.relief.EmergencyAidGranted;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the platform's own events into versioned messages for other systems, in the transaction that made the
 * change, so a message exists exactly when its change was committed; Spring Modulith's event externalisation sends
 * them to Kafka after the commit and sends again what the broker did not acknowledge. Active only when a Kafka
 * cluster is configured ({@code spring.kafka.bootstrap-servers}); without one nothing is produced.
 */
@Component
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class OutboundMessages {

	static final int VERSION = 1;

	private final ApplicationEventPublisher events;

	private final StaffDirectory directory;

	OutboundMessages(ApplicationEventPublisher events, StaffDirectory directory) {
		this.events = events;
		this.directory = directory;
	}

	@EventListener
	void on(TaskReferred referred) {
		String id = UUID.randomUUID().toString();
		events.publishEvent(new TaskReferredV1(id, "task-referred", VERSION, referred.at(), referred.taskId().toString(),
				referred.caseNumber(), referred.kind().name(), referred.township().value(), referred.unitId().toString(),
				referred.unitName(), referred.acceptBy(), referred.dueAt()));
		UnitKind kind = directory.unit(new UnitId(referred.unitId())).map(unit -> unit.kind()).orElse(null);
		if (referred.kind() == TaskKind.DEPARTMENT_ASSISTANCE && kind != null && UnitKind.departments().contains(kind)) {
			events.publishEvent(new DepartmentAssistanceRequestedV1(UUID.randomUUID().toString(),
					"department-assistance-requested", VERSION, referred.at(), referred.taskId().toString(),
					referred.caseNumber(), referred.township().value(), referred.unitId().toString(), kind.name(),
					referred.acceptBy(), referred.dueAt()));
		}
	}

	@EventListener
	void on(EmergencyAidGranted granted) {
		events.publishEvent(new AidGrantedV1(UUID.randomUUID().toString(), "aid-granted", VERSION, granted.at(),
				granted.grantId().toString(), granted.caseNumber(), "EMERGENCY", granted.township().value(), null,
				granted.amount(), null));
	}

	@EventListener
	void on(AssistanceApproved approved) {
		String path = approved.townshipPath();
		String[] codes = path.split("/");
		events.publishEvent(new AidGrantedV1(UUID.randomUUID().toString(), "aid-granted", VERSION, approved.at(),
				approved.decisionId().toString(), approved.caseNumber(), "TEMPORARY",
				codes.length == 0 ? "" : codes[codes.length - 1], approved.cause(), approved.cashAmount(),
				approved.goods()));
	}

}
