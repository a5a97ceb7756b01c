package org.jijinan.relief;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jijinan.casework.CaseStatus;
import org.jijinan.casework.CaseView;
import org.jijinan.casework.NextSteps;
import org.jijinan.intake.Urgency;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Relief's lines on a case's "下一步" panel: emergency aid and its paperwork, a proposal, and the review or approval
 * of one, each offered only to whom the rules allow; a reviewer who may not act is told who can.
 */
@Component
@Order(10)
class ReliefNextSteps implements NextSteps {

	private final DecisionDesk decisions;

	private final EmergencyAid emergency;

	private final ReliefPolicies policies;

	private final Clock clock;

	ReliefNextSteps(DecisionDesk decisions, EmergencyAid emergency, ReliefPolicies policies, Clock clock) {
		this.decisions = decisions;
		this.emergency = emergency;
		this.policies = policies;
		this.clock = clock;
	}

	@Override
	public List<NextStep> on(CaseView found, Caller viewer) {
		String page = "/cases/" + found.number() + "/relief";
		var steps = new ArrayList<NextStep>();
		boolean officer = viewer.roles().stream().anyMatch(EmergencyAid.OFFICERS::contains);
		boolean handles = viewer.roles().stream().anyMatch(Decision.TOWNSHIP_REVIEWERS::contains);
		List<EmergencyGrantView> grants = emergency.ofCase(found.number(), viewer);
		if (officer && grants.isEmpty() && EmergencyAid.beforeDecision(found.status()) && policyInForce(found)) {
			steps.add(new NextStep("relief.next.emergency", page + "?open=grant-emergency#grant-emergency",
					found.urgency() == Urgency.EMERGENCY));
		}
		if (officer && grants.stream().anyMatch(grant -> grant.paperworkDoneAt() == null)) {
			steps.add(new NextStep("relief.next.paperwork", page + "#emergency", true));
		}
		List<DecisionView> pending = decisions.ofCase(found.number(), viewer)
			.stream()
			.filter(decision -> decision.status().pending())
			.toList();
		var allowed = decisions.actionsOnCase(found.number(), viewer);
		for (DecisionView decision : pending) {
			var may = allowed.getOrDefault(decision.id(), java.util.Set.of());
			if (may.contains(DecisionAction.REVIEW)) {
				steps.add(new NextStep("relief.next.review", page + "#decisions", false));
			}
			else if (may.contains(DecisionAction.APPROVE)) {
				steps.add(new NextStep("relief.next.approve", page + "#decisions", false));
			}
			else if (handles && decision.status() == DecisionStatus.PROPOSED
					&& !may.contains(DecisionAction.WITHDRAW)) {
				steps.add(NextStep.note("relief.who-reviews." + decision.level().name()));
			}
			else if (handles && decision.status() == DecisionStatus.REVIEWED) {
				steps.add(NextStep.note("relief.who-approves." + decision.level().name()));
			}
		}
		if (handles && pending.isEmpty() && policyInForce(found)) {
			if (found.status() == CaseStatus.INVESTIGATING || found.status() == CaseStatus.AWAITING_DECISION) {
				steps.add(new NextStep("relief.next.propose", page + "?open=propose#propose", false));
			}
			else if (found.status() == CaseStatus.OPEN) {
				steps.add(NextStep.note("relief.next.propose-after-investigation"));
			}
		}
		return steps;
	}

	private boolean policyInForce(CaseView found) {
		try {
			policies.inForce(found.township(), DecisionDesk.today(clock.instant()));
			return true;
		}
		catch (DomainProblem none) {
			return false;
		}
	}

}
