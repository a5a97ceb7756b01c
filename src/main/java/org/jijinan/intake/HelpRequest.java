package org.jijinan.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * A help request or lead (求助、线索). From the moment it is received it has a first-contact owner, who stays
 * responsible until the township decides; it sits in that township's queue with a due time for the decision.
 */
@Table("intake_help_request")
class HelpRequest extends AbstractAggregateRoot<HelpRequest> {

	private final @Id UUID id;

	private final String number;

	private final Channel channel;

	private final Urgency urgency;

	private RequestStatus status;

	private final @Nullable String reporterName;

	private final ReporterRelation reporterRelation;

	private final @Nullable String reporterPhoneSealed;

	private final @Nullable String reporterPhoneMasked;

	private final @Nullable String reporterPhoneHash;

	private final boolean callbackWanted;

	private final @Nullable UUID personId;

	private final @Nullable String subjectName;

	private final @Nullable String subjectPhoneSealed;

	private final @Nullable String subjectPhoneHash;

	private final @Nullable String possibleDuplicateOf;

	private final DivisionCode village;

	private final DivisionCode township;

	private final String townshipPath;

	private final String description;

	@MappedCollection(idColumn = "request_id")
	private final Set<CauseRef> causes;

	private final String owner;

	private final String ownerOrganisation;

	private final Instant receivedAt;

	private final Instant acceptBy;

	private @Nullable Instant decidedAt;

	private @Nullable String decidedBy;

	private @Nullable String refusalReason;

	private @Nullable String mergedInto;

	private @Nullable DivisionCode forwardedTo;

	private @Nullable String forwardingNote;

	private @Nullable String duplicateClearedBy;

	private @Nullable Instant duplicateClearedAt;

	private @Nullable String duplicateClearanceNote;

	private final ApplicantLanguage language;

	private final @Nullable String urgentNeeds;

	private final int urgentRepeats;

	private @Version @Nullable Long version;

	@PersistenceCreator
	HelpRequest(UUID id, String number, Channel channel, Urgency urgency, RequestStatus status,
			@Nullable String reporterName, ReporterRelation reporterRelation, @Nullable String reporterPhoneSealed,
			@Nullable String reporterPhoneMasked, @Nullable String reporterPhoneHash, boolean callbackWanted,
			@Nullable UUID personId, @Nullable String subjectName,
			@Nullable String subjectPhoneSealed, @Nullable String subjectPhoneHash, @Nullable String possibleDuplicateOf,
			DivisionCode village, DivisionCode township, String townshipPath,
			String description, Set<CauseRef> causes, String owner, String ownerOrganisation, Instant receivedAt,
			Instant acceptBy, @Nullable Instant decidedAt, @Nullable String decidedBy, @Nullable String refusalReason,
			@Nullable String mergedInto, @Nullable DivisionCode forwardedTo, @Nullable String forwardingNote,
			@Nullable String duplicateClearedBy, @Nullable Instant duplicateClearedAt,
			@Nullable String duplicateClearanceNote, ApplicantLanguage language, @Nullable String urgentNeeds,
			int urgentRepeats, @Nullable Long version) {
		this.id = id;
		this.number = number;
		this.channel = channel;
		this.urgency = urgency;
		this.status = status;
		this.reporterName = reporterName;
		this.reporterRelation = reporterRelation;
		this.reporterPhoneSealed = reporterPhoneSealed;
		this.reporterPhoneMasked = reporterPhoneMasked;
		this.reporterPhoneHash = reporterPhoneHash;
		this.callbackWanted = callbackWanted;
		this.personId = personId;
		this.subjectName = subjectName;
		this.subjectPhoneSealed = subjectPhoneSealed;
		this.subjectPhoneHash = subjectPhoneHash;
		this.possibleDuplicateOf = possibleDuplicateOf;
		this.village = village;
		this.township = township;
		this.townshipPath = townshipPath;
		this.description = description;
		this.causes = causes;
		this.owner = owner;
		this.ownerOrganisation = ownerOrganisation;
		this.receivedAt = receivedAt;
		this.acceptBy = acceptBy;
		this.decidedAt = decidedAt;
		this.decidedBy = decidedBy;
		this.refusalReason = refusalReason;
		this.mergedInto = mergedInto;
		this.forwardedTo = forwardedTo;
		this.forwardingNote = forwardingNote;
		this.duplicateClearedBy = duplicateClearedBy;
		this.duplicateClearedAt = duplicateClearedAt;
		this.duplicateClearanceNote = duplicateClearanceNote;
		this.language = language;
		this.urgentNeeds = urgentNeeds;
		this.urgentRepeats = urgentRepeats;
		this.version = version;
	}

	/**
	 * Receives a request: somebody must be reachable, the person must be named or known, and at least one cause
	 * given. The receiver becomes its first-contact owner.
	 */
	static HelpRequest receive(Intake intake) {
		NewHelpRequest spec = intake.spec();
		if (intake.reporterPhone() == null && intake.subjectPhone() == null && spec.personId() == null) {
			throw new RuleViolation("intake.no-contact");
		}
		if (spec.personId() == null && (spec.subjectName() == null || spec.subjectName().isBlank())) {
			throw new InvalidInput("intake.subject-required");
		}
		var request = new HelpRequest(UUID.randomUUID(), intake.number(), spec.channel(), spec.urgencyOwed(),
				RequestStatus.RECEIVED, blankToNull(spec.reporterName()), spec.reporterRelation(),
				intake.reporterPhone() == null ? null : intake.reporterPhone().ciphertext(),
				intake.reporterPhone() == null ? null : intake.reporterPhone().masked(),
				intake.reporterPhone() == null ? null : intake.reporterPhone().hash(),
				Boolean.TRUE.equals(spec.callbackWanted()), spec.personId(),
				blankToNull(spec.subjectName()), intake.subjectPhone() == null ? null : intake.subjectPhone().ciphertext(),
				intake.subjectPhone() == null ? null : intake.subjectPhone().hash(), intake.possibleDuplicateOf(),
				intake.village(), intake.township(), intake.townshipPath(), spec.description().strip(),
				spec.causes().stream().map(String::strip).map(CauseRef::new).collect(Collectors.toSet()),
				intake.owner(), intake.ownerOrganisation(), intake.receivedAt(), intake.acceptBy(), null, null,
				null, null, null, null, null, null, null, spec.languageOrChinese(), urgentNeeds(spec),
				intake.urgentRepeats(), null);
		request.registerEvent(new HelpRequestReceived(request.number, request.channel, request.urgency,
				request.township, request.owner, request.receivedAt, request.acceptBy,
				request.causes.stream().map(CauseRef::causeCode).collect(Collectors.toSet())));
		return request;
	}

	private static @Nullable String urgentNeeds(NewHelpRequest spec) {
		return spec.urgentNeeds() == null || spec.urgentNeeds().isEmpty() ? null
				: spec.urgentNeeds().stream().sorted().map(UrgentNeed::name).collect(Collectors.joining(","));
	}

	/**
	 * 受理. A request that looks like an earlier one is accepted only after the township decided it is a separate
	 * emergency (or merged it): otherwise one emergency could open two cases and be paid twice.
	 */
	void accept(String by, Instant now) {
		if (status.canMoveTo(RequestStatus.ACCEPTED) && duplicateUnresolved()) {
			throw new RuleViolation("intake.possible-duplicate-unresolved", possibleDuplicateOf);
		}
		move(RequestStatus.ACCEPTED, by, now);
		registerEvent(new HelpRequestAccepted(number, id, personId, township, urgency, by, receivedAt, now, subjectName,
				causes.stream().map(CauseRef::causeCode).collect(Collectors.toSet())));
	}

	void refuse(String by, String reason, Instant now) {
		String written = WrittenText.required(reason, 4, 1000, "intake.refusal-reason-required");
		move(RequestStatus.REFUSED, by, now);
		this.refusalReason = written;
		registerEvent(new HelpRequestRefused(number, township, by, now));
	}

	/**
	 * Keeps a possible duplicate apart from the request it looked like: the township has checked that it is another
	 * emergency, and says why.
	 */
	void keepApart(@Nullable String reason, String by, Instant now) {
		if (possibleDuplicateOf == null) {
			throw new RuleViolation("intake.not-a-possible-duplicate");
		}
		if (status != RequestStatus.RECEIVED) {
			throw new IllegalRequestTransition(number, status, RequestStatus.ACCEPTED);
		}
		if (duplicateClearedAt != null) {
			throw new Conflict("intake.possible-duplicate-cleared-already");
		}
		this.duplicateClearanceNote = WrittenText.required(reason, 4, 500, "intake.distinction-reason-required");
		this.duplicateClearedBy = by;
		this.duplicateClearedAt = now;
		registerEvent(new PossibleDuplicateCleared(number, possibleDuplicateOf, by, now));
	}

	boolean duplicateUnresolved() {
		return possibleDuplicateOf != null && duplicateClearedAt == null;
	}

	/**
	 * Merges this request into another about the same person that is still open or already accepted.
	 */
	void mergeInto(HelpRequest other, String by, Instant now) {
		if (other.number.equals(number)) {
			throw new RuleViolation("intake.merge-into-itself");
		}
		if (other.status != RequestStatus.RECEIVED && other.status != RequestStatus.ACCEPTED) {
			throw new RuleViolation("intake.merge-target-closed", other.number);
		}
		move(RequestStatus.MERGED, by, now);
		this.mergedInto = other.number;
		registerEvent(new HelpRequestClosed(number, "MERGED", other.number, by, now));
	}

	/**
	 * Forwards the request to another county, recording who forwarded it, when, and with what note.
	 */
	void forwardTo(DivisionCode county, String note, String by, Instant now) {
		String written = WrittenText.required(note, 1, 500, "intake.forwarding-note-required");
		if (townshipPath.contains("/" + county.value() + "/")) {
			throw new RuleViolation("intake.forward-to-own-county");
		}
		move(RequestStatus.FORWARDED, by, now);
		this.forwardedTo = county;
		this.forwardingNote = written;
		registerEvent(new HelpRequestClosed(number, "FORWARDED", county.value(), by, now));
	}

	private void move(RequestStatus target, String by, Instant now) {
		if (!status.canMoveTo(target)) {
			throw new IllegalRequestTransition(number, status, target);
		}
		this.status = target;
		this.decidedAt = now;
		this.decidedBy = by;
	}

	String townshipPath() {
		return townshipPath;
	}

	String owner() {
		return owner;
	}

	String number() {
		return number;
	}

	UUID id() {
		return id;
	}

	/**
	 * The row of a request just received, by column, for {@link RequestStore}'s one insert: every column the mapping
	 * knows but the version (which starts at 0) and the causes (a table of their own).
	 */
	Map<String, @Nullable Object> receivedRow() {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("number", number);
		row.put("channel", channel.name());
		row.put("urgency", urgency.name());
		row.put("reporter_name", reporterName);
		row.put("reporter_relation", reporterRelation.name());
		row.put("reporter_phone_sealed", reporterPhoneSealed);
		row.put("reporter_phone_masked", reporterPhoneMasked);
		row.put("reporter_phone_hash", reporterPhoneHash);
		row.put("callback_wanted", callbackWanted);
		row.put("person_id", personId);
		row.put("subject_name", subjectName);
		row.put("subject_phone_sealed", subjectPhoneSealed);
		row.put("subject_phone_hash", subjectPhoneHash);
		row.put("possible_duplicate_of", possibleDuplicateOf);
		row.put("village", village.value());
		row.put("township", township.value());
		row.put("township_path", townshipPath);
		row.put("description", description);
		row.put("owner", owner);
		row.put("owner_organisation", ownerOrganisation);
		row.put("received_at", Timestamp.from(receivedAt));
		row.put("accept_by", Timestamp.from(acceptBy));
		row.put("language", language.name());
		row.put("urgent_needs", urgentNeeds);
		row.put("urgent_repeats", urgentRepeats);
		putChangeable(row);
		return row;
	}

	/**
	 * What a decision on the request can have changed, by column, for {@link RequestStore}'s one update: every field
	 * that is not fixed once received, with the request's id and the version it was read at.
	 */
	Map<String, @Nullable Object> decisionRow() {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("version", version);
		putChangeable(row);
		return row;
	}

	private void putChangeable(Map<String, @Nullable Object> row) {
		row.put("status", status.name());
		row.put("decided_at", decidedAt == null ? null : Timestamp.from(decidedAt));
		row.put("decided_by", decidedBy);
		row.put("refusal_reason", refusalReason);
		row.put("merged_into", mergedInto);
		row.put("forwarded_to", forwardedTo == null ? null : forwardedTo.value());
		row.put("forwarding_note", forwardingNote);
		row.put("duplicate_cleared_by", duplicateClearedBy);
		row.put("duplicate_cleared_at", duplicateClearedAt == null ? null : Timestamp.from(duplicateClearedAt));
		row.put("duplicate_clearance_note", duplicateClearanceNote);
	}

	Set<String> causeCodes() {
		return causes.stream().map(CauseRef::causeCode).collect(Collectors.toSet());
	}

	/**
	 * After {@link RequestStore} stored the request: it now has its next version (the first, 0, when it was just
	 * received), and its events are handed over to be published (they are forgotten here).
	 */
	List<Object> stored() {
		version = version == null ? 0L : version + 1;
		List<Object> events = List.copyOf(domainEvents());
		clearDomainEvents();
		return events;
	}

	HelpRequestView view() {
		return new HelpRequestView(number, channel, urgency, status, reporterName, reporterPhoneMasked, callbackWanted,
				personId,
				subjectName, village, township, description,
				causes.stream().map(CauseRef::causeCode).collect(Collectors.toSet()), owner, ownerOrganisation,
				receivedAt, acceptBy, refusalReason, possibleDuplicateOf, mergedInto,
				forwardedTo == null ? null : forwardedTo.value(), duplicateClearanceNote, null, language,
				urgentNeeds == null ? List.of()
						: java.util.Arrays.stream(urgentNeeds.split(",")).map(UrgentNeed::valueOf).toList(),
				urgentRepeats);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
