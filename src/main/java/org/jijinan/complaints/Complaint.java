package org.jijinan.complaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jijinan.identity.UnitKind;
import org.jijinan.shared.Conflict;
import org.jspecify.annotations.Nullable;

/**
 * A complaint as its handler works on it: who handles it at which level, its clocks, and the rules of its life
 * cycle ({@link ComplaintStatus}). The complainant's identity is not part of it: it stays sealed in the store.
 */
final class Complaint {

	private final UUID id;

	private final String number;

	private final ComplaintKind kind;

	private final String countyPath;

	private final @Nullable UUID subjectUnit;

	private final @Nullable UnitKind subjectKind;

	private ComplaintStatus status;

	private Handler handler;

	private int level;

	private final List<UUID> earlierHandlers;

	private Instant acknowledgeBy;

	private Instant answerBy;

	private @Nullable String acknowledgedBy;

	private @Nullable String extensionReason;

	private final long version;

	Complaint(UUID id, String number, ComplaintKind kind, String countyPath, @Nullable UUID subjectUnit,
			@Nullable UnitKind subjectKind, ComplaintStatus status, Handler handler, int level,
			List<UUID> earlierHandlers, Instant acknowledgeBy, Instant answerBy, @Nullable String acknowledgedBy,
			@Nullable String extensionReason, long version) {
		this.id = id;
		this.number = number;
		this.kind = kind;
		this.countyPath = countyPath;
		this.subjectUnit = subjectUnit;
		this.subjectKind = subjectKind;
		this.status = status;
		this.handler = handler;
		this.level = level;
		this.earlierHandlers = new ArrayList<>(earlierHandlers);
		this.acknowledgeBy = acknowledgeBy;
		this.answerBy = answerBy;
		this.acknowledgedBy = acknowledgedBy;
		this.extensionReason = extensionReason;
		this.version = version;
	}

	/**
	 * The handler signs for the complaint: from now on they answer for it.
	 */
	void acknowledge(String by) {
		move(ComplaintStatus.ACKNOWLEDGED);
		acknowledgedBy = by;
	}

	/**
	 * Gives the handler more time, once per complaint, with a reason.
	 */
	void extend(String reason, Instant newAnswerBy) {
		if (status != ComplaintStatus.RECEIVED && status != ComplaintStatus.ACKNOWLEDGED) {
			throw new Conflict("complaints.not-open", status.name());
		}
		if (extensionReason != null) {
			throw new Conflict("complaints.already-extended");
		}
		extensionReason = reason;
		answerBy = newAnswerBy;
	}

	/**
	 * Records the answer; the complainant is told it and may say whether they are satisfied.
	 * @return whether it was given in time
	 */
	boolean answer(Instant at) {
		move(ComplaintStatus.ANSWERED);
		return !at.isAfter(answerBy);
	}

	/**
	 * The complainant's verdict on the answer: satisfied (or already answered at the level above) closes the
	 * complaint; unsatisfied with a first answer escalates it to the handler given.
	 * @param above who handles it at the level above, when the verdict escalates it
	 * @return whether the complaint was escalated
	 */
	boolean rate(boolean satisfied, Handler above, Instant acknowledgeBy, Instant answerBy) {
		if (satisfied || level > 1) {
			move(ComplaintStatus.CLOSED);
			return false;
		}
		move(ComplaintStatus.ESCALATED);
		earlierHandlers.add(handler.unit());
		handler = above;
		level++;
		acknowledgedBy = null;
		this.acknowledgeBy = acknowledgeBy;
		this.answerBy = answerBy;
		return true;
	}

	private void move(ComplaintStatus target) {
		if (!status.canMoveTo(target)) {
			throw new Conflict("complaints.illegal-transition", status.name(), target.name());
		}
		status = target;
	}

	/**
	 * @return whether a person of the given unit holding the given roles may handle the complaint now
	 */
	boolean handledBy(UUID unit, java.util.Set<String> roles) {
		return handler.unit().equals(unit) && roles.stream().anyMatch(handlerRoles()::contains);
	}

	/**
	 * @return the roles that answer at the current level: the level above within the same unit is its leaders
	 */
	java.util.Set<String> handlerRoles() {
		if (level > 1 && earlierHandlers.contains(handler.unit())) {
			return java.util.Set.of("LEADER");
		}
		return Routing.rolesOf(handler.kind());
	}

	/**
	 * @return whether staff of the unit took part in handling it (the current or an earlier handler)
	 */
	boolean involves(UUID unit) {
		return handler.unit().equals(unit) || earlierHandlers.contains(unit);
	}

	UUID id() {
		return id;
	}

	String number() {
		return number;
	}

	ComplaintKind kind() {
		return kind;
	}

	String countyPath() {
		return countyPath;
	}

	@Nullable UUID subjectUnit() {
		return subjectUnit;
	}

	@Nullable UnitKind subjectKind() {
		return subjectKind;
	}

	ComplaintStatus status() {
		return status;
	}

	Handler handler() {
		return handler;
	}

	int level() {
		return level;
	}

	List<UUID> earlierHandlers() {
		return List.copyOf(earlierHandlers);
	}

	Instant acknowledgeBy() {
		return acknowledgeBy;
	}

	Instant answerBy() {
		return answerBy;
	}

	@Nullable String acknowledgedBy() {
		return acknowledgedBy;
	}

	@Nullable String extensionReason() {
		return extensionReason;
	}

	long version() {
		return version;
	}

	/**
	 * The unit handling a complaint.
	 *
	 * @param unit the unit
	 * @param name its name
	 * @param kind its kind
	 */
	record Handler(UUID unit, String name, UnitKind kind) {
	}

}
