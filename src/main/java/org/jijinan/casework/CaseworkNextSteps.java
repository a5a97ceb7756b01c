package org.jijinan.casework;

import java.util.ArrayList;
import java.util.List;

import org.jijinan.shared.Caller;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Casework's own lines on the "下一步" panel: link the person, record the household visit, confirm a visit one went
 * on. The moves of the case's life cycle are the panel's buttons.
 */
@Component
@Order(0)
class CaseworkNextSteps implements NextSteps {

	private final Investigation investigation;

	CaseworkNextSteps(Investigation investigation) {
		this.investigation = investigation;
	}

	@Override
	public List<NextStep> on(CaseView found, Caller viewer) {
		var steps = new ArrayList<NextStep>();
		String page = "/cases/" + found.number();
		InvestigationView inquiry = investigation.of(found.number(), viewer);
		if (inquiry.visits().stream().anyMatch(visit -> visit.awaits(viewer.name()))) {
			steps.add(new NextStep("casework.next.confirm-visit", page + "#visits", true));
		}
		boolean handles = viewer.roles().stream().anyMatch(CaseDesk.HANDLERS::contains);
		if (!handles || !found.status().open()) {
			return steps;
		}
		if (found.personId() == null) {
			steps.add(new NextStep("casework.next.link-person", page + "#link-person", false));
		}
		if (found.status() == CaseStatus.INVESTIGATING && inquiry.visits().isEmpty()) {
			steps.add(new NextStep("casework.next.visit", page + "#record-visit-form", false));
		}
		return steps;
	}

}
