package org.jijinan.relief;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A temporary-assistance decision (临时救助审批) on a case. It owns the four-eyes rules: the reviewer and the approver
 * are never the proposer, the approver never the reviewer, and a decision above the township's limit — or one that
 * goes beyond the computed amount (一事一议) — is reviewed and approved at the county.
 */
@Table("relief_decision")
class Decision extends AbstractAggregateRoot<Decision> {

	static final Set<String> TOWNSHIP_REVIEWERS = Set.of("TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
			"COUNTY_APPROVER");

	static final Set<String> COUNTY_REVIEWERS = Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER");

	static final Set<String> TOWNSHIP_APPROVERS = Set.of("TOWNSHIP_APPROVER", "COUNTY_APPROVER");

	static final Set<String> COUNTY_APPROVERS = Set.of("COUNTY_APPROVER");

	private final @Id UUID id;

	private final String caseNumber;

	private @Nullable UUID householdId;

	private @Nullable UUID personId;

	private final @Nullable String subjectName;

	private final DivisionCode township;

	private final String townshipPath;

	private final UUID policyId;

	private final String cause;

	private final String band;

	private final int persons;

	private final boolean urban;

	private final BigDecimal standard;

	private final BigDecimal multiple;

	private final int months;

	private final BigDecimal bandRatio;

	private final BigDecimal formulaAmount;

	private final @Nullable String capApplied;

	private final BigDecimal computedAmount;

	private final BigDecimal cashAmount;

	private final @Nullable String goods;

	private final BigDecimal goodsValue;

	private final @Nullable String referral;

	private final @Nullable String billRef;

	private final @Nullable String overrideReason;

	private final ApprovalLevel level;

	private final @Nullable String payeeName;

	private final @Nullable String payeeAccount;

	private final @Nullable String payeeAccountMasked;

	private final @Nullable String payeeBank;

	private DecisionStatus status;

	private final String proposedBy;

	private final Instant proposedAt;

	private @Nullable String reviewedBy;

	private @Nullable Instant reviewedAt;

	private @Nullable String decidedBy;

	private @Nullable Instant decidedAt;

	private @Nullable String reason;

	private final @Nullable String grounds;

	private @Version @Nullable Long version;

	@PersistenceCreator
	Decision(UUID id, String caseNumber, @Nullable UUID householdId, @Nullable UUID personId,
			@Nullable String subjectName, DivisionCode township, String townshipPath, UUID policyId, String cause,
			String band, int persons, boolean urban, BigDecimal standard, BigDecimal multiple, int months,
			BigDecimal bandRatio, BigDecimal formulaAmount, @Nullable String capApplied, BigDecimal computedAmount,
			BigDecimal cashAmount, @Nullable String goods, BigDecimal goodsValue, @Nullable String referral,
			@Nullable String billRef, @Nullable String overrideReason, ApprovalLevel level, @Nullable String payeeName,
			@Nullable String payeeAccount, @Nullable String payeeAccountMasked, @Nullable String payeeBank,
			DecisionStatus status, String proposedBy, Instant proposedAt, @Nullable String reviewedBy,
			@Nullable Instant reviewedAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
			@Nullable String reason, @Nullable String grounds, @Nullable Long version) {
		this.id = id;
		this.caseNumber = caseNumber;
		this.householdId = householdId;
		this.personId = personId;
		this.subjectName = subjectName;
		this.township = township;
		this.townshipPath = townshipPath;
		this.policyId = policyId;
		this.cause = cause;
		this.band = band;
		this.persons = persons;
		this.urban = urban;
		this.standard = standard;
		this.multiple = multiple;
		this.months = months;
		this.bandRatio = bandRatio;
		this.formulaAmount = formulaAmount;
		this.capApplied = capApplied;
		this.computedAmount = computedAmount;
		this.cashAmount = cashAmount;
		this.goods = goods;
		this.goodsValue = goodsValue;
		this.referral = referral;
		this.billRef = billRef;
		this.overrideReason = overrideReason;
		this.level = level;
		this.payeeName = payeeName;
		this.payeeAccount = payeeAccount;
		this.payeeAccountMasked = payeeAccountMasked;
		this.payeeBank = payeeBank;
		this.status = status;
		this.proposedBy = proposedBy;
		this.proposedAt = proposedAt;
		this.reviewedBy = reviewedBy;
		this.reviewedAt = reviewedAt;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
		this.reason = reason;
		this.grounds = grounds;
		this.version = version;
	}

	/**
	 * Makes a proposal. The amount beyond the computed one needs a written case-by-case reason and goes to the
	 * county; so does any grant above the township's limit.
	 */
	static Decision propose(Proposal proposal, Subject subject, PolicyView policy, Computation computation,
			@Nullable SealedAccount account, String by, Instant now) {
		String override = WrittenText.optional(proposal.overrideReason(), 1000).isEmpty() ? null
				: WrittenText.required(proposal.overrideReason(), 4, 1000, "relief.override-reason-required");
		if (proposal.cashAmount().compareTo(computation.amount()) > 0 && override == null) {
			throw new org.jijinan.shared.RuleViolation("relief.over-computed-amount",
					computation.amount().toPlainString());
		}
		boolean county = override != null
				|| proposal.cashAmount().add(proposal.goodsValue()).compareTo(policy.rules().townshipApprovalLimit()) > 0;
		var decision = new Decision(UUID.randomUUID(), subject.caseNumber(), subject.householdId(),
				subject.personId(), subject.name(), subject.township(), subject.townshipPath(), policy.id(),
				computation.cause(), computation.band(), computation.persons(), computation.urban(),
				computation.standard(), computation.multiple(), computation.months(), computation.bandRatio(),
				computation.formula(), computation.capApplied(), computation.amount(), proposal.cashAmount(),
				proposal.goods(), proposal.goodsValue(), proposal.referral(), proposal.billRef(), override,
				county ? ApprovalLevel.COUNTY : ApprovalLevel.TOWNSHIP, account == null ? null : account.name(),
				account == null ? null : account.sealed(), account == null ? null : account.masked(),
				account == null ? null : account.bank(), DecisionStatus.PROPOSED, by, now, null, null, null, null,
				null, subject.grounds(), null);
		decision.registerEvent(new DecisionMade(decision.id, decision.caseNumber, DecisionStatus.PROPOSED, by, now,
				decision.cashAmount, decision.level, null));
		return decision;
	}

	/**
	 * @return the roles that may review a decision of the level
	 */
	static Set<String> reviewersAt(ApprovalLevel level) {
		return level == ApprovalLevel.COUNTY ? COUNTY_REVIEWERS : TOWNSHIP_REVIEWERS;
	}

	/**
	 * @return the roles that may approve or refuse a decision of the level
	 */
	static Set<String> approversAt(ApprovalLevel level) {
		return level == ApprovalLevel.COUNTY ? COUNTY_APPROVERS : TOWNSHIP_APPROVERS;
	}

	/**
	 * 审核: somebody other than the proposer, at the decision's level, agrees it should go for approval.
	 */
	void review(Caller caller, Instant now) {
		move(DecisionStatus.REVIEWED);
		requireOther(caller.name(), proposedBy);
		requireRole(caller, reviewersAt(level));
		this.reviewedBy = caller.name();
		this.reviewedAt = now;
		this.status = DecisionStatus.REVIEWED;
		registerEvent(new DecisionMade(id, caseNumber, status, caller.name(), now, cashAmount, level, null));
	}

	/**
	 * 审批: an approver at the decision's level who neither proposed nor reviewed it grants the aid.
	 */
	void approve(Caller caller, Instant now) {
		move(DecisionStatus.APPROVED);
		requireOther(caller.name(), proposedBy);
		requireOther(caller.name(), reviewedBy);
		requireRole(caller, approversAt(level));
		decide(DecisionStatus.APPROVED, caller, now, null);
		registerEvent(new AssistanceApproved(id, caseNumber, householdId, personId, subjectName, townshipPath,
				cause, cashAmount, goods, billRef, caller.name(), caller.organisation(), now));
	}

	/**
	 * 不予救助: an approver at the decision's level refuses it, before or after review, with a written reason for the
	 * applicant.
	 */
	void refuse(Caller caller, @Nullable String writtenReason, Instant now) {
		move(DecisionStatus.REFUSED);
		String because = WrittenText.required(writtenReason, 4, 1000, "relief.refusal-reason-required");
		requireOther(caller.name(), proposedBy);
		requireRole(caller, approversAt(level));
		decide(DecisionStatus.REFUSED, caller, now, because);
	}

	/**
	 * The proposer takes the proposal back (to make another one).
	 */
	void withdraw(Caller caller, Instant now) {
		move(DecisionStatus.WITHDRAWN);
		if (!caller.name().equals(proposedBy)) {
			throw new Forbidden("relief.not-your-proposal");
		}
		this.status = DecisionStatus.WITHDRAWN;
		this.decidedAt = now;
		registerEvent(new DecisionMade(id, caseNumber, status, caller.name(), now, cashAmount, level, null));
	}

	private void decide(DecisionStatus target, Caller caller, Instant now, @Nullable String because) {
		this.status = target;
		this.decidedBy = caller.name();
		this.decidedAt = now;
		this.reason = because;
		registerEvent(new DecisionMade(id, caseNumber, target, caller.name(), now, cashAmount, level, because));
	}

	private void move(DecisionStatus target) {
		if (!status.canMoveTo(target)) {
			throw new Conflict("relief.illegal-transition", status, target);
		}
	}

	private static void requireOther(String actor, @Nullable String earlier) {
		if (actor.equals(earlier)) {
			throw new Forbidden("relief.four-eyes");
		}
	}

	/**
	 * What the caller may do with the decision now, by the same rules {@link #review}, {@link #approve},
	 * {@link #refuse} and withdrawal enforce, so that pages offer those actions only.
	 */
	Set<DecisionAction> actionsFor(Caller caller) {
		if (status != DecisionStatus.PROPOSED && status != DecisionStatus.REVIEWED) {
			return Set.of();
		}
		Set<DecisionAction> actions = java.util.EnumSet.noneOf(DecisionAction.class);
		boolean proposer = caller.name().equals(proposedBy);
		boolean approver = caller.roles().stream().anyMatch(approversAt(level)::contains);
		if (proposer) {
			actions.add(DecisionAction.WITHDRAW);
			return actions;
		}
		if (status == DecisionStatus.PROPOSED && caller.roles().stream().anyMatch(reviewersAt(level)::contains)) {
			actions.add(DecisionAction.REVIEW);
		}
		if (status == DecisionStatus.REVIEWED && approver && !caller.name().equals(reviewedBy)) {
			actions.add(DecisionAction.APPROVE);
		}
		if (approver) {
			actions.add(DecisionAction.REFUSE);
		}
		return actions;
	}

	private void requireRole(Caller caller, Set<String> roles) {
		if (caller.roles().stream().noneMatch(roles::contains)) {
			throw new Forbidden(level == ApprovalLevel.COUNTY ? "relief.county-level" : "relief.not-allowed");
		}
	}

	UUID id() {
		return id;
	}

	String caseNumber() {
		return caseNumber;
	}

	String townshipPath() {
		return townshipPath;
	}

	/**
	 * A proposal made before its case was linked to a person takes the person, while it is still open: it can then
	 * be approved, and its aid lands in the household's chain.
	 * @return whether it took the person
	 */
	boolean takePerson(UUID person, @Nullable UUID household) {
		if (personId != null || (status != DecisionStatus.PROPOSED && status != DecisionStatus.REVIEWED)) {
			return false;
		}
		this.personId = person;
		this.householdId = household;
		return true;
	}

	/**
	 * The provisionally registered person it is about turned out to be registered already: a decision still open
	 * is about that person and household from now on.
	 * @return whether it changed
	 */
	boolean followIdentified(UUID provisional, UUID person, @Nullable UUID household) {
		if (!provisional.equals(personId) || (status != DecisionStatus.PROPOSED && status != DecisionStatus.REVIEWED)) {
			return false;
		}
		this.personId = person;
		this.householdId = household;
		return true;
	}

	DecisionStatus status() {
		return status;
	}

	@Nullable UUID householdId() {
		return householdId;
	}

	@Nullable UUID personId() {
		return personId;
	}

	/**
	 * @return the cash an approved decision owes and where it goes
	 */
	java.util.Optional<PaymentDue> paymentDue() {
		if (status != DecisionStatus.APPROVED || cashAmount.signum() == 0 || payeeAccount == null
				|| payeeName == null || payeeAccountMasked == null || payeeBank == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(new PaymentDue(id, caseNumber, townshipPath, cashAmount, payeeName, payeeAccount,
				payeeAccountMasked, payeeBank));
	}

	DecisionView view() {
		return new DecisionView(id, caseNumber, subjectName, township, policyId, cause, band, persons, urban,
				new Computation(cause, urban, standard, multiple, months, persons, band, bandRatio, formulaAmount,
						capApplied, computedAmount).explanation(),
				computedAmount, cashAmount, goods, goodsValue, referral, billRef, overrideReason, level, payeeName,
				payeeAccountMasked, payeeBank, status, proposedBy, proposedAt, reviewedBy, reviewedAt, decidedBy,
				decidedAt, reason, grounds);
	}

	/**
	 * The case and household a decision is about, as casework and the registry know them.
	 */
	record Subject(String caseNumber, @Nullable UUID householdId, @Nullable UUID personId, @Nullable String name,
			DivisionCode township, String townshipPath, @Nullable String grounds) {
	}

	/**
	 * Cash an approved decision owes.
	 */
	record PaymentDue(UUID decisionId, String caseNumber, String townshipPath, BigDecimal amount, String payeeName,
			String sealedAccount, String maskedAccount, String bank) {
	}

	/**
	 * A payee's bank account, sealed, with its masked form and the bank's name.
	 */
	record SealedAccount(String name, String sealed, String masked, String bank) {
	}

}
