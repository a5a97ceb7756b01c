package org.jijinan.relief;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jijinan.budget.Budgets;
import org.jijinan.budget.Scheme;
import org.jijinan.budget.Standing;
import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.casework.CasePersonLinked;
import org.jijinan.casework.CaseStatus;
import org.jijinan.casework.CaseView;
import org.jijinan.people.HouseholdId;
import org.jijinan.people.HouseholdRegister;
import org.jijinan.people.ProvisionalPersonIdentified;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Temporary-assistance decisions on cases: the handler proposes with the computed amount, a reviewer and an approver
 * at the right level decide, the duplicate check runs before approval, and the case moves with the decision.
 */
@Service
public class DecisionDesk {

	private final Decisions decisions;

	private final CaseDesk cases;

	private final ReliefPolicies policies;

	private final AssistanceChain chain;

	private final RegionDirectory regions;

	private final Sealer sealer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Payments payments;

	private final HouseholdRegister households;

	private final Recoveries recoveries;

	private final Budgets budgets;

	DecisionDesk(Decisions decisions, CaseDesk cases, ReliefPolicies policies, AssistanceChain chain,
			RegionDirectory regions, Sealer sealer, Clock clock, ApplicationEventPublisher events, Payments payments,
			HouseholdRegister households, Recoveries recoveries, Budgets budgets) {
		this.recoveries = recoveries;
		this.budgets = budgets;
		this.households = households;
		this.payments = payments;
		this.events = events;
		this.decisions = decisions;
		this.cases = cases;
		this.policies = policies;
		this.chain = chain;
		this.regions = regions;
		this.sealer = sealer;
		this.clock = clock;
	}

	/**
	 * What the rules would allow, before proposing.
	 */
	@Transactional(readOnly = true)
	public Computation compute(String caseNumber, String cause, String band, int persons, boolean urban,
			Caller caller) {
		CaseView found = handledCase(caseNumber, caller);
		Instant now = clock.instant();
		PolicyView policy = policies.inForce(found.township(), today(now));
		return Computation.of(policy.rules(), cause, band, persons, urban, chain.receivedInYear(found.householdId(),
				found.personId(), List.of("TEMPORARY", "EMERGENCY"), now));
	}

	/**
	 * Proposes temporary assistance on a case being investigated; the case goes for decision.
	 */
	@Transactional
	public DecisionView propose(String caseNumber, Proposal proposal, Caller caller) {
		CaseView found = handledCase(caseNumber, caller);
		if (found.status() != CaseStatus.INVESTIGATING && found.status() != CaseStatus.AWAITING_DECISION) {
			throw new Conflict("relief.case-not-ready", found.status());
		}
		if (!found.causes().contains(proposal.cause())) {
			throw new RuleViolation("relief.cause-not-in-case", proposal.cause());
		}
		if (found.personId() == null) {
			// Without the person, the duplicate check cannot see the household's earlier aid.
			throw new RuleViolation("relief.case-not-linked");
		}
		Instant now = clock.instant();
		PolicyView policy = policies.inForce(found.township(), today(now));
		Computation computation = Computation.of(policy.rules(), proposal.cause(), proposal.band(),
				proposal.persons(), proposal.urban(), chain.receivedInYear(found.householdId(), found.personId(),
						List.of("TEMPORARY", "EMERGENCY"), now));
		var subject = new Decision.Subject(found.number(), found.householdId(), found.personId(), found.subjectName(),
				found.township(), regions.path(found.township()), found.reopenedFor());
		Decision decision = Decision.propose(proposal, subject, policy, computation, account(proposal), caller.name(),
				now);
		if (found.status() == CaseStatus.INVESTIGATING) {
			cases.move(caseNumber, CaseStatus.AWAITING_DECISION, null, null, caller);
		}
		try {
			decisions.save(decision);
		}
		catch (DuplicateKeyException pending) {
			throw new Conflict("relief.proposal-pending", caseNumber);
		}
		DecisionView proposed = decision.view();
		events.publishEvent(new CaseEventRecorded(caseNumber, "RELIEF_PROPOSED", summary(proposed), caller.name(), now));
		return proposed;
	}

	/**
	 * A proposal made before the case had to be linked to a person (before this rule existed) takes the person now,
	 * so it can be approved and its aid lands in the household's chain.
	 */
	@EventListener
	void on(CasePersonLinked linked) {
		decisions.findByCaseNumberOrderByProposedAt(linked.number())
			.stream()
			.filter(decision -> decision.takePerson(linked.personId(), linked.householdId()))
			.forEach(decisions::save);
	}

	/**
	 * An open decision about a provisionally registered person who turned out to be registered already is about
	 * that person and household from now on, so its aid lands in their chain.
	 */
	@EventListener
	void on(ProvisionalPersonIdentified identified) {
		if (identified.provisionalId().equals(identified.person())) {
			return;
		}
		UUID household = households.currentHouseholdOf(identified.person()).map(HouseholdId::value).orElse(null);
		decisions.findOpenAbout(identified.provisionalId().value())
			.stream()
			.filter(decision -> decision.followIdentified(identified.provisionalId().value(),
					identified.person().value(), household))
			.forEach(decisions::save);
	}

	/**
	 * @return for each pending decision of the case, what the caller may do with it now
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, java.util.Set<DecisionAction>> actionsOnCase(String caseNumber, Caller caller) {
		cases.find(caseNumber, caller);
		java.util.Map<UUID, java.util.Set<DecisionAction>> actions = new java.util.HashMap<>();
		decisions.findByCaseNumberOrderByProposedAt(caseNumber)
			.forEach(decision -> actions.put(decision.id(), decision.actionsFor(caller)));
		return actions;
	}

	/**
	 * @return the decisions of a case, oldest first
	 */
	@Transactional(readOnly = true)
	public List<DecisionView> ofCase(String caseNumber, Caller caller) {
		cases.find(caseNumber, caller);
		return decisions.findByCaseNumberOrderByProposedAt(caseNumber).stream().map(Decision::view).toList();
	}

	/**
	 * @return the assistance chain of the case's household (or person, or the case alone when neither is known) over
	 * the last twelve months
	 */
	@Transactional(readOnly = true)
	public ChainView chainOf(String caseNumber, Caller caller) {
		CaseView found = cases.find(caseNumber, caller);
		List<AssistanceRecord> records = chain.lastTwelveMonths(found.householdId(), found.personId(), found.number(),
				clock.instant());
		return ChainView.of(found.householdId(), found.personId(), records, recoveries.ofCases(records.stream()
			.map(AssistanceRecord::caseNumber)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toList()));
	}

	/**
	 * @return the decisions in the caller's area waiting for review or approval, oldest first
	 */
	@Transactional(readOnly = true)
	public List<DecisionView> pending(Caller caller) {
		if (caller.regionScope() == null) {
			return List.of();
		}
		return decisions.findPending(regions.path(caller.regionScope())).stream().map(Decision::view).toList();
	}

	/**
	 * @return one decision, to staff whose area contains its township
	 */
	@Transactional(readOnly = true)
	public DecisionView find(UUID id, Caller caller) {
		return visible(id, caller).view();
	}

	/**
	 * @return what stands against approving a decision (the duplicate-assistance check)
	 */
	@Transactional(readOnly = true)
	public List<AssistanceChain.Finding> check(UUID id, Caller caller) {
		Decision decision = visible(id, caller);
		DecisionView view = decision.view();
		return chain.duplicates(decision.householdId(), decision.personId(), view.caseNumber(), "TEMPORARY", view.cause(),
				view.billRef(), policies.find(view.policyId()).rules(), clock.instant());
	}

	/**
	 * 审核.
	 */
	@Transactional
	public DecisionView review(UUID id, Caller caller) {
		Decision decision = visible(id, caller);
		decision.review(caller, clock.instant());
		return decisions.save(decision).view();
	}

	/**
	 * 审批: after the duplicate check, grants the aid; the case is decided. A repeat for the same cause in one year
	 * passes only as a case-by-case decision; the same bill paid by another scheme and schemes that exclude each
	 * other never pass.
	 */
	@Transactional
	public DecisionView approve(UUID id, Caller caller) {
		Decision decision = visible(id, caller);
		DecisionView view = decision.view();
		Instant now = clock.instant();
		if (decision.personId() == null) {
			throw new RuleViolation("relief.case-not-linked");
		}
		for (AssistanceChain.Finding finding : chain.duplicates(decision.householdId(), decision.personId(), view.caseNumber(),
				"TEMPORARY", view.cause(), view.billRef(), policies.find(view.policyId()).rules(), now)) {
			if (!finding.kind().equals("SAME_CAUSE_THIS_YEAR") || view.overrideReason() == null) {
				throw new RuleViolation("relief.duplicate-assistance", finding.kind(), finding.record().sourceRef());
			}
		}
		budgets.commit(Scheme.TEMPORARY_ASSISTANCE, view.township(), today(now), view.cashAmount(),
				budgetReference(id));
		decision.approve(caller, now);
		decisions.save(decision);
		decision.paymentDue().ifPresent(payments::order);
		settleCase(view.caseNumber(), caller);
		DecisionView approved = decision.view();
		events.publishEvent(new CaseEventRecorded(approved.caseNumber(), "RELIEF_APPROVED", summary(approved),
				caller.name(), now));
		chain.record(new AssistanceChain.Grant(decision.householdId(), decision.personId(), approved.subjectName(),
				decision.townshipPath(), "TEMPORARY", approved.cause(), approved.id().toString(), approved.billRef(),
				approved.caseNumber(), approved.cashAmount(), approved.goodsValue(), approved.goods(),
				caller.name(), caller.organisation(), now));
		return approved;
	}

	/**
	 * A county approver lets this decision's cash exceed what is left of the temporary-assistance budget, with the
	 * reason; the decision can then be approved as usual.
	 */
	@Transactional
	public DecisionView overrideBudget(UUID id, @Nullable String reason, Caller caller) {
		DecisionView view = visible(id, caller).view();
		if (view.status() != DecisionStatus.REVIEWED && view.status() != DecisionStatus.PROPOSED) {
			throw new Conflict("relief.illegal-transition", view.status(), DecisionStatus.APPROVED);
		}
		budgets.override(Scheme.TEMPORARY_ASSISTANCE, view.township(), today(clock.instant()), view.cashAmount(),
				budgetReference(id), reason, caller);
		return view;
	}

	/**
	 * @return the temporary-assistance budget's figures when approving the decision would exceed what is left and no
	 * county approver overrode it
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Standing> budgetShortfall(UUID id, Caller caller) {
		DecisionView view = visible(id, caller).view();
		return budgets.wouldExceed(Scheme.TEMPORARY_ASSISTANCE, view.township(), today(clock.instant()),
				view.cashAmount(), budgetReference(id));
	}

	/** How the budget knows a decision's money. */
	static String budgetReference(UUID decision) {
		return "decision:" + decision;
	}

	/**
	 * 不予救助, with the written reason the applicant is sent.
	 */
	@Transactional
	public DecisionView refuse(UUID id, @Nullable String reason, Caller caller) {
		Decision decision = visible(id, caller);
		Instant now = clock.instant();
		decision.refuse(caller, reason, now);
		decisions.save(decision);
		CaseView found = cases.find(decision.caseNumber(), caller);
		settleCase(decision.caseNumber(), caller);
		DecisionView refused = decision.view();
		String because = java.util.Objects.requireNonNull(refused.reason());
		events.publishEvent(new CaseEventRecorded(refused.caseNumber(), "RELIEF_REFUSED", because, caller.name(), now));
		events.publishEvent(new AssistanceRefused(refused.id(), refused.caseNumber(),
				found.requests().isEmpty() ? null : found.requests().get(0), because, caller.name(), now));
		return refused;
	}

	/**
	 * The proposer takes a pending proposal back.
	 */
	@Transactional
	public DecisionView withdraw(UUID id, Caller caller) {
		Decision decision = visible(id, caller);
		decision.withdraw(caller, clock.instant());
		return decisions.save(decision).view();
	}

	/** What a decision grants, as the timeline says it: cash, goods, referral. */
	private static String summary(DecisionView decision) {
		List<String> parts = new java.util.ArrayList<>();
		if (decision.cashAmount().signum() > 0) {
			parts.add("现金 " + decision.cashAmount().toPlainString() + " 元");
		}
		if (decision.goods() != null) {
			parts.add(decision.goods());
		}
		if (decision.referral() != null) {
			parts.add("转介：" + decision.referral());
		}
		return String.join("；", parts) + (decision.level() == ApprovalLevel.COUNTY ? "（县级审批）" : "（乡镇审批）");
	}

	private void settleCase(String caseNumber, Caller caller) {
		if (cases.find(caseNumber, caller).status() == CaseStatus.AWAITING_DECISION) {
			cases.move(caseNumber, CaseStatus.DECIDED, null, null, caller);
		}
	}

	private Decision visible(UUID id, Caller caller) {
		Decision decision = decisions.findById(id).orElseThrow(() -> new NotFound("relief.decision-not-found"));
		if (caller.regionScope() == null
				|| !decision.townshipPath().startsWith(regions.path(caller.regionScope()))) {
			throw new Forbidden("relief.out-of-scope");
		}
		return decision;
	}

	private CaseView handledCase(String caseNumber, Caller caller) {
		CaseView found = cases.find(caseNumber, caller);
		if (caller.roles().stream().noneMatch(Decision.TOWNSHIP_REVIEWERS::contains)) {
			throw new Forbidden("relief.not-allowed");
		}
		return found;
	}

	private Decision.@Nullable SealedAccount account(Proposal proposal) {
		if (proposal.cashAmount().signum() == 0) {
			return null;
		}
		String number = BankAccounts.digits(proposal.payeeAccount());
		if (proposal.payeeName() == null || proposal.payeeName().isBlank() || proposal.payeeBank() == null
				|| proposal.payeeBank().isBlank()) {
			throw new InvalidInput("relief.payee-required");
		}
		return new Decision.SealedAccount(proposal.payeeName().strip(), BankAccounts.sealed(number, sealer),
				BankAccounts.masked(number), proposal.payeeBank().strip());
	}

	static LocalDate today(Instant now) {
		return now.atZone(AssistanceChain.CHINA).toLocalDate();
	}

}
