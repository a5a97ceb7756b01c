package org.jijinan.supervision;

import java.util.EnumSet;

import org.jijinan.pilot.PilotActionAssigned;
import org.jijinan.pilot.PilotActionDone;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The pilot's action items — a meeting's decisions, the mobilisation, each township's implementation plan — are owed
 * steps with warning, overdue and escalation like any other, in the transaction that assigned them.
 */
@Component
class PilotSteps {

	private final Steps steps;

	PilotSteps(Steps steps) {
		this.steps = steps;
	}

	@EventListener
	void on(PilotActionAssigned assigned) {
		steps.open(StepKind.PILOT_ACTION, assigned.action().toString(), null, assigned.areaPath(), assigned.unitKey(),
				assigned.unitName(), assigned.owner(), assigned.at(), assigned.dueAt());
	}

	@EventListener
	void on(PilotActionDone done) {
		steps.finish(EnumSet.of(StepKind.PILOT_ACTION), done.action().toString(), "DONE", done.at(), done.by());
	}

}
