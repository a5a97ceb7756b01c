package org.jijinan.casework;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jijinan.intake.HelpRequestAccepted;
import org.jijinan.intake.Urgency;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A case (个案): one household's emergency, from the accepted request through investigation, decision, delivery and
 * follow-up to closure. It owns its life cycle ({@link CaseStatus}) and the requests that belong to it; every move is
 * published for the timeline, supervision and audit.
 */
@Table("casework_case")
class Case extends AbstractAggregateRoot<Case> {

	private final @Id UUID id;

	private final String number;

	private CaseStatus status;

	private @Nullable UUID personId;

	private @Nullable UUID householdId;

	private final @Nullable String subjectName;

	private final DivisionCode township;

	private final String townshipPath;

	private final Urgency urgency;

	private final Instant firstReceivedAt;

	private final Instant openedAt;

	private String handler;

	private Instant statusSince;

	private @Nullable DivisionCode transferredTo;

	private @Nullable String closingNote;

	private @Nullable String reopenedFor;

	@MappedCollection(idColumn = "case_id")
	private final Set<CaseRequest> requests;

	@MappedCollection(idColumn = "case_id")
	private final Set<CaseCause> causes;

	private @Version @Nullable Long version;

	@PersistenceCreator
	Case(UUID id, String number, CaseStatus status, @Nullable UUID personId, @Nullable UUID householdId,
			@Nullable String subjectName, DivisionCode township, String townshipPath, Urgency urgency,
			Instant firstReceivedAt, Instant openedAt, String handler, Instant statusSince,
			@Nullable DivisionCode transferredTo, @Nullable String closingNote, @Nullable String reopenedFor,
			Set<CaseRequest> requests, Set<CaseCause> causes, @Nullable Long version) {
		this.id = id;
		this.number = number;
		this.status = status;
		this.personId = personId;
		this.householdId = householdId;
		this.subjectName = subjectName;
		this.township = township;
		this.townshipPath = townshipPath;
		this.urgency = urgency;
		this.firstReceivedAt = firstReceivedAt;
		this.openedAt = openedAt;
		this.handler = handler;
		this.statusSince = statusSince;
		this.transferredTo = transferredTo;
		this.closingNote = closingNote;
		this.reopenedFor = reopenedFor;
		this.requests = requests;
		this.causes = causes;
		this.version = version;
	}

	/**
	 * Opens a case from an accepted request.
	 * @param subjectName the person's name, as given or from the registry
	 * @param handler who handles the case: someone who may do its next step (the acceptor, when they may)
	 */
	static Case open(String number, HelpRequestAccepted accepted, @Nullable UUID householdId,
			@Nullable String subjectName, String townshipPath, String handler) {
		Set<CaseRequest> requests = new HashSet<>();
		requests.add(new CaseRequest(accepted.number(), accepted.acceptedAt()));
		var opened = new Case(UUID.randomUUID(), number, CaseStatus.OPEN, accepted.personId(), householdId,
				subjectName, accepted.township(), townshipPath, accepted.urgency(), accepted.receivedAt(),
				accepted.acceptedAt(), handler, accepted.acceptedAt(), null, null, null, requests,
				accepted.causes().stream().map(CaseCause::new).collect(Collectors.toCollection(HashSet::new)), null);
		opened.registerEvent(new CaseOpened(number, opened.id, accepted.number(), accepted.township(),
				accepted.urgency(), handler, accepted.receivedAt(), accepted.acceptedAt()));
		return opened;
	}

	/**
	 * A later request about the same household joins this case, with its causes.
	 */
	void join(HelpRequestAccepted accepted) {
		if (!status.open()) {
			throw new RuleViolation("casework.case-closed", number);
		}
		requests.add(new CaseRequest(accepted.number(), accepted.acceptedAt()));
		accepted.causes().forEach(cause -> causes.add(new CaseCause(cause)));
		registerEvent(new RequestJoinedCase(number, accepted.number(), accepted.acceptedBy(), accepted.acceptedAt()));
	}

	/**
	 * Moves the case on. Withdrawal, transfer and closing need a written note; a transfer names the jurisdiction.
	 */
	void moveTo(CaseStatus target, @Nullable String note, @Nullable DivisionCode jurisdiction, String by,
			Instant now) {
		if (!status.canMoveTo(target)) {
			throw new IllegalCaseTransition(number, status, target);
		}
		String written = target.needsNote() ? WrittenText.required(note, 4, 1000, "casework.note-required")
				: WrittenText.optional(note, 1000);
		if (target == CaseStatus.TRANSFERRED) {
			if (jurisdiction == null) {
				throw new InvalidInput("casework.jurisdiction-required");
			}
			if (jurisdiction.equals(township)) {
				throw new RuleViolation("casework.transfer-to-itself");
			}
			this.transferredTo = jurisdiction;
		}
		CaseStatus from = status;
		this.status = target;
		this.statusSince = now;
		if (!target.open()) {
			this.closingNote = written;
		}
		registerEvent(new CaseStatusChanged(number, id, township, from, target, by, now,
				written.isEmpty() ? null : written, transferredTo, handler, personId, householdId));
	}

	/**
	 * Sends a decided or closed case back to decision (重新审核): a founded complaint or a ruling found its decision
	 * wrong. Not a step of the usual life cycle, so not in {@link CaseStatus}'s table: only these grounds reopen a case.
	 * @param grounds what sent it back, such as {@code 投诉 TS-20261207-000001 属实}
	 */
	void reopen(String grounds, String by, Instant now) {
		if (status != CaseStatus.DECIDED && status != CaseStatus.CLOSED) {
			throw new IllegalCaseTransition(number, status, CaseStatus.AWAITING_DECISION);
		}
		String why = WrittenText.required(grounds, 4, 200, "casework.reopen-grounds-required");
		CaseStatus from = status;
		this.status = CaseStatus.AWAITING_DECISION;
		this.statusSince = now;
		this.closingNote = null;
		this.reopenedFor = why;
		registerEvent(new CaseStatusChanged(number, id, township, from, CaseStatus.AWAITING_DECISION, by, now, why,
				transferredTo, handler, personId, householdId));
	}

	/**
	 * Hands the case over (交接) to another handler, with the reason; the new handler owns its open steps.
	 */
	void handOver(String to, @Nullable String reason, String by, Instant now) {
		if (!status.open()) {
			throw new RuleViolation("casework.case-closed", number);
		}
		if (to.equals(handler)) {
			throw new RuleViolation("casework.handover-to-same");
		}
		String why = WrittenText.required(reason, 2, 500, "casework.handover-reason-required");
		String from = handler;
		this.handler = to;
		registerEvent(new CaseHandedOver(number, id, township, from, to, why, by, now));
	}

	/**
	 * Links the case to the person it is about, when the request named nobody in the registry.
	 */
	void linkPerson(UUID person, @Nullable UUID household, String by, Instant now) {
		if (!status.open()) {
			throw new RuleViolation("casework.case-closed", number);
		}
		if (personId != null) {
			throw new Conflict(person.equals(personId) ? "casework.person-linked-already" : "casework.other-person-linked");
		}
		this.personId = person;
		this.householdId = household;
		registerEvent(new CasePersonLinked(number, id, township, person, household, by, now));
	}

	/**
	 * The provisionally registered person the case is about turned out to be a person registered already: the case
	 * is about that person, and their household, from now on, whatever its status.
	 * @return whether the case was about the provisional record
	 */
	boolean followIdentified(UUID provisional, UUID person, @Nullable UUID household) {
		if (!provisional.equals(personId)) {
			return false;
		}
		this.personId = person;
		this.householdId = household;
		return true;
	}

	String handler() {
		return handler;
	}

	boolean closing(CaseStatus target) {
		return status.open() && !target.open();
	}

	boolean contains(String requestNumber) {
		return requests.stream().anyMatch(request -> request.requestNumber().equals(requestNumber));
	}

	String townshipPath() {
		return townshipPath;
	}

	DivisionCode township() {
		return township;
	}

	String number() {
		return number;
	}

	UUID id() {
		return id;
	}

	CaseView view() {
		return new CaseView(number, status, personId, householdId, subjectName, township, urgency, firstReceivedAt,
				openedAt, handler, statusSince, transferredTo == null ? null : transferredTo.value(), closingNote,
				reopenedFor, requests.stream()
					.sorted(Comparator.comparing(CaseRequest::joinedAt))
					.map(CaseRequest::requestNumber)
					.toList(),
				causes.stream().map(CaseCause::causeCode).sorted().toList(), status.next());
	}

}
