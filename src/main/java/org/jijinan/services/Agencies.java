package org.jijinan.services;

import java.util.List;
import java.util.UUID;

import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.TaskDesk;
import org.jijinan.casework.TaskStatus;
import org.jijinan.casework.TaskView;
import org.jijinan.identity.Staff;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.RuleViolation;

import org.springframework.stereotype.Component;

/**
 * Who may serve which case: a social worker of an agency, on a case whose task the agency accepted and which records
 * a legal basis for sharing; government staff read the services of the cases in their area.
 */
@Component
class Agencies {

	private final TaskDesk tasks;

	private final CaseDesk cases;

	Agencies(TaskDesk tasks, CaseDesk cases) {
		this.tasks = tasks;
		this.cases = cases;
	}

	static boolean isAgency(Caller caller) {
		return caller instanceof Staff staff && caller.hasRole("SOCIAL_WORKER")
				&& staff.unit().kind() == UnitKind.SOCIAL_WORK_AGENCY;
	}

	/**
	 * @return the agency the caller works for
	 */
	static UUID agencyOf(Caller caller) {
		if (caller instanceof Staff staff && isAgency(caller)) {
			return staff.unit().id().value();
		}
		throw new Forbidden("services.not-allowed");
	}

	/**
	 * @return the cases referred to the caller's agency (accepted), with the name the workers need to visit
	 */
	List<TaskView> referred(Caller caller) {
		agencyOf(caller);
		return tasks.forMyUnit(caller)
			.stream()
			.filter(task -> task.status() == TaskStatus.ACCEPTED || task.status() == TaskStatus.COMPLETED)
			.toList();
	}

	/**
	 * Checks that the caller's agency may serve the case.
	 * @return the agency
	 */
	UUID serving(String caseNumber, Caller caller) {
		UUID agency = agencyOf(caller);
		if (referred(caller).stream().noneMatch(task -> task.caseNumber().equals(caseNumber))) {
			throw new Forbidden("services.not-referred");
		}
		if (cases.sharingBasis(caseNumber).isEmpty()) {
			throw new RuleViolation("services.no-sharing-basis");
		}
		return agency;
	}

	/**
	 * @return whether the case records a legal basis for sharing it with the agency
	 */
	boolean shared(String caseNumber) {
		return cases.sharingBasis(caseNumber).isPresent();
	}

	/**
	 * Checks that the caller may read the case's services: its agency, or staff of its area.
	 */
	void reading(String caseNumber, Caller caller) {
		if (isAgency(caller)) {
			serving(caseNumber, caller);
		}
		else {
			cases.find(caseNumber, caller);
		}
	}

}
