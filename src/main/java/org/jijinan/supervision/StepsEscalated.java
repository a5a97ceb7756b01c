package org.jijinan.supervision;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;

/**
 * One batch of a sweep: the steps it warned about or escalated, each once. One audit record per batch says how many
 * of each stage; the steps themselves keep their stage.
 *
 * @param batch the batch
 * @param steps what was done to each step
 */
public record StepsEscalated(UUID batch, List<StepEscalated> steps) implements AuditableEvent {

	@Override
	public String auditAction() {
		return "supervision.steps-escalated";
	}

	@Override
	public String auditSubjectType() {
		return "supervision-sweep";
	}

	@Override
	public String auditSubjectId() {
		return batch.toString();
	}

	@Override
	public String auditActor() {
		return "system";
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("steps", String.valueOf(steps.size()), "warnings", count(StepEscalated.Level.WARNING), "overdue",
				count(StepEscalated.Level.OVERDUE), "supervisors", count(StepEscalated.Level.SUPERVISOR));
	}

	private String count(StepEscalated.Level level) {
		return String.valueOf(steps.stream().filter(step -> step.level() == level).count());
	}

}
