package org.jijinan.complaints;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseDesk;
import org.jijinan.identity.PartnerClient;
import org.jijinan.identity.Staff;
import org.jijinan.identity.UnitView;
import org.jijinan.intake.ApplicantLanguage;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.region.RegionDirectory;
import org.jijinan.relief.Recoveries;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes complaints in from every channel and lets their handler acknowledge, extend and answer them. A complaint
 * is visible only to staff of the units that handle or handled it, holding a handling role there; to anyone else —
 * above all the unit complained about — it does not exist (404 {@code complaints.not-found}).
 */
@Service
public class ComplaintDesk implements SealedColumns {

	/** The scope partner systems need to send complaints. */
	static final String SCOPE = "complaints:write";

	static final String NAME = "complaints.complainant-name";

	static final String PHONE = "complaints.complainant-phone";

	static final String FOLLOW_CODE = "complaints.follow-code";

	private static final String CONTENT = "complaints.content";

	static final int TEXT_MAX = 2000;

	static final int NAME_MAX = 50;

	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>|javascript:",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ComplaintStore store;

	private final Routing routing;

	private final Sealer sealer;

	private final WorkingDayCalendar calendar;

	private final ComplaintsSettings settings;

	private final RegionDirectory regions;

	private final IntakeDesk intake;

	private final CaseDesk cases;

	private final Recoveries recoveries;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	ComplaintDesk(ComplaintStore store, Routing routing, Sealer sealer, WorkingDayCalendar calendar,
			ComplaintsSettings settings, RegionDirectory regions, IntakeDesk intake, CaseDesk cases,
			Recoveries recoveries, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.recoveries = recoveries;
		this.cases = cases;
		this.store = store;
		this.routing = routing;
		this.sealer = sealer;
		this.calendar = calendar;
		this.settings = settings;
		this.regions = regions;
		this.intake = intake;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Takes a complaint in and routes it. The same complaint again within an hour (same kind and words, from the same
	 * phone — or, anonymous, from the same place) is merged into the first: its number again, no new follow code.
	 * @param caller staff or a partner system; {@code null} for the public pages
	 * @param client where an anonymous complaint came from (the client address on the public pages)
	 */
	@Transactional
	public Receipt receive(NewComplaint given, @Nullable Caller caller, String client) {
		ComplaintKind kind = kind(given.kind());
		String text = text(given.text());
		String name = given.anonymous() ? "" : WrittenText.optional(given.name(), NAME_MAX);
		if (name.length() > NAME_MAX) {
			throw new InvalidInput("complaints.name-too-long", NAME_MAX);
		}
		PhoneNumber phone = given.anonymous() ? null : phone(given.phone());
		if (!given.anonymous() && phone == null) {
			throw new InvalidInput("complaints.phone-required");
		}
		String reference = WrittenText.optional(given.reference(), 40);
		String subjectPerson = WrittenText.optional(given.subjectPerson(), 100);
		ComplaintChannel channel = channel(given.channel(), caller);
		String countyPath = countyOf(caller);
		UnitView subject = subject(given.subjectUnit(), countyPath);
		Instant now = clock.instant();
		String sender = phone != null ? "phone:" + phone.value() : "anonymous:" + (caller == null ? client : caller.name());
		String contentHash = sealer.lookupHash(kind + "\n" + sender + "\n" + text.replaceAll("\\s+", " "), CONTENT);
		var earlier = store.repeated(contentHash, now.minus(Duration.ofHours(1)));
		if (earlier.isPresent()) {
			return new Receipt(earlier.get(), null, true);
		}
		Complaint.Handler handler = routing.first(subject, countyPath);
		String number = ComplaintNumber.of(now, store.nextSequence());
		String followCode = String.format("%06d", RANDOM.nextInt(1_000_000));
		Complaint complaint = new Complaint(UUID.randomUUID(), number, kind, countyPath,
				subject == null ? null : subject.id().value(), subject == null ? null : subject.kind(),
				ComplaintStatus.RECEIVED, handler, 1, List.of(),
				calendar.plusWorkingDays(now, settings.acknowledgeWorkingDays()),
				calendar.plusWorkingDays(now, settings.answerWorkingDays()), null, null, 0);
		ApplicantLanguage language = given.language() == null ? ApplicantLanguage.CHINESE : given.language();
		String by = caller == null ? "online" : caller.name();
		store.insert(complaint, new ComplaintStore.Stored(channel, subject == null ? null : subject.name(),
				subject == null ? countyPath : regions.path(subject.divisionCode()), blankToNull(subjectPerson),
				blankToNull(reference), text, given.anonymous(), name.isEmpty() ? null : sealer.seal(name, NAME),
				phone == null ? null : sealer.seal(phone.value(), PHONE),
				phone == null ? null : sealer.lookupHash(phone.value(), PHONE), phone == null ? null : phone.masked(),
				name.isEmpty() ? null : maskedName(name), followHash(number, followCode), language.name(), contentHash,
				by, now));
		events.publishEvent(new ComplaintReceived(number, kind, channel, countyPath, complaint.subjectUnit(),
				handler.unit(), handler.name(), now, complaint.acknowledgeBy(), complaint.answerBy(), by));
		return new Receipt(number, followCode, false);
	}

	/**
	 * @return the complaint, to staff of a unit that handles or handled it with a handling role there
	 */
	@Transactional(readOnly = true)
	public ComplaintView find(String number, Caller caller) {
		return view(readable(number, caller), caller);
	}

	/**
	 * @return the complaints the caller's unit handles now, what is owed first (soonest due), then the answered
	 */
	@Transactional(readOnly = true)
	public List<Summary> handledBy(Caller caller) {
		UnitView unit = unitOf(caller);
		if (unit == null || caller.roles().stream().noneMatch(Routing.rolesOf(unit.kind())::contains)) {
			throw new Forbidden("complaints.handlers-only");
		}
		return jdbc.sql("""
				select number, kind, status, level, subject_unit_name, received_at,
				       case when status in ('RECEIVED', 'ESCALATED') then acknowledge_by else answer_by end
				  from complaints_complaint where handler_unit_id = :unit
				 order by status in ('ANSWERED', 'CLOSED'), 7 limit 500""")
			.param("unit", unit.id().value())
			.query((row, n) -> new Summary(row.getString(1), ComplaintKind.valueOf(row.getString(2)),
					ComplaintStatus.valueOf(row.getString(3)), row.getInt(4), row.getString(5),
					row.getTimestamp(6).toInstant(), row.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * The handler signs for the complaint.
	 */
	@Transactional
	public ComplaintView acknowledge(String number, Caller caller) {
		Complaint complaint = handled(number, caller);
		complaint.acknowledge(caller.name());
		Instant now = clock.instant();
		store.save(complaint, now);
		events.publishEvent(new ComplaintAcknowledged(number, complaint.level(), caller.name(), now));
		return view(complaint.number(), caller);
	}

	/**
	 * Takes the one extension a complaint allows.
	 */
	@Transactional
	public ComplaintView extend(String number, @Nullable String reason, Caller caller) {
		Complaint complaint = handled(number, caller);
		String why = WrittenText.required(reason, 4, 500, "complaints.extension-reason-required");
		Instant answerBy = calendar.plusWorkingDays(complaint.answerBy(), settings.extensionWorkingDays());
		complaint.extend(why, answerBy);
		Instant now = clock.instant();
		store.save(complaint, null);
		events.publishEvent(new ComplaintExtended(number, why, answerBy, caller.name(), now));
		return view(number, caller);
	}

	/**
	 * Answers the complaint: what was done to find out, what was found, what the complainant is told, and — for a
	 * founded complaint — what it sets in motion: the case's decision sent back to decision, a supervision order on
	 * the case, an accountability record against the unit complained about.
	 */
	@Transactional
	public ComplaintView answer(String number, @Nullable String investigation, @Nullable String finding,
			@Nullable String answer, Consequences.Asked asked, Caller caller) {
		Complaint complaint = handled(number, caller);
		Instant now = clock.instant();
		boolean onTime = complaint.answer(now);
		String investigated = WrittenText.required(investigation, 4, 4000, "complaints.investigation-required");
		Finding found = finding(finding);
		String told = WrittenText.required(answer, 4, 1000, "complaints.answer-required");
		Consequences consequences = consequences(complaint, found, asked, caller);
		store.save(complaint, null);
		store.addAnswer(complaint, investigated, found, told, caller.name(), now, onTime);
		var subject = jdbc.sql("select subject_unit_name, subject_path from complaints_complaint where id = :id")
			.param("id", complaint.id())
			.query((row, n) -> new String[] { row.getString(1), row.getString(2) })
			.single();
		events.publishEvent(new ComplaintAnswered(number, complaint.kind(), complaint.level(), found,
				complaint.subjectUnit(), subject[0], subject[1], onTime, caller.name(), now, consequences));
		return view(number, caller);
	}

	/**
	 * Checks what the handler asked the answer to set in motion and sends the case back to decision when asked.
	 */
	private Consequences consequences(Complaint complaint, Finding found, Consequences.Asked asked, Caller caller) {
		if (!asked.any()) {
			return Consequences.NONE;
		}
		if (!found.founded()) {
			throw new RuleViolation("complaints.consequences-need-founded");
		}
		String caseNumber = WrittenText.optional(asked.caseNumber(), 20).toUpperCase(java.util.Locale.ROOT);
		boolean onCase = asked.reopen() || asked.stop() || asked.order() != null;
		if (onCase && caseNumber.isEmpty()) {
			throw new InvalidInput("complaints.case-required");
		}
		String order = asked.order() == null ? null
				: WrittenText.required(asked.order(), 4, 2000, "complaints.order-required");
		if (asked.accountable() && complaint.subjectUnit() == null) {
			throw new RuleViolation("complaints.accountability-needs-unit");
		}
		String person = WrittenText.optional(asked.person(), 100);
		org.jijinan.casework.CaseView concerned = null;
		if (onCase) {
			try {
				concerned = caseFor(caseNumber, caller);
			}
			catch (NotFound | Forbidden | InvalidInput unknown) {
				throw new InvalidInput("complaints.case-unknown");
			}
			String grounds = "投诉举报 " + complaint.number() + " 经查" + (found == Finding.FOUNDED ? "属实" : "部分属实");
			if (asked.stop()) {
				recoveries.stop(concerned.number(), grounds, caller);
			}
			if (asked.reopen()) {
				cases.reopen(concerned.number(), grounds, caller);
			}
		}
		return new Consequences(concerned == null ? null : concerned.number(),
				concerned == null ? null : concerned.township(), concerned == null ? null : concerned.handler(),
				asked.reopen(), asked.stop(), order, asked.accountable(),
				person.isEmpty() ? null : person);
	}

	/**
	 * Shows the handler the complainant's full name and phone, for a purpose that goes into the audit record.
	 */
	@Transactional
	public ComplainantRevealed.Identity reveal(String number, @Nullable String purpose, Caller caller) {
		Complaint complaint = handled(number, caller);
		String why = WrittenText.required(purpose, 4, 200, "complaints.purpose-required");
		var sealed = jdbc.sql("select name_sealed, phone_sealed from complaints_complaint where id = :id")
			.param("id", complaint.id())
			.query((row, n) -> new String[] { row.getString(1), row.getString(2) })
			.single();
		events.publishEvent(new ComplainantRevealed(number, why, caller.name(), clock.instant()));
		return new ComplainantRevealed.Identity(sealed[0] == null ? null : sealer.open(sealed[0], NAME),
				sealed[1] == null ? null : sealer.open(sealed[1], PHONE));
	}

	/**
	 * How to tell the complainant what became of their complaint: for sending only, never for display.
	 * @return the phone they gave (empty when anonymous or none) and the language they read, with the latest answer
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Contact> contact(String number) {
		return jdbc.sql("""
				select c.phone_sealed, c.language, a.finding, a.answer, c.level
				  from complaints_complaint c
				  left join complaints_answer a on a.complaint_id = c.id and a.level = c.level
				 where c.number = :number""")
			.param("number", number)
			.query((row, n) -> new Contact(number, row.getString(1) == null ? null : sealer.open(row.getString(1), PHONE),
					ApplicantLanguage.valueOf(row.getString(2)),
					row.getString(3) == null ? null : Finding.valueOf(row.getString(3)), row.getString(4),
					row.getInt(5)))
			.optional();
	}

	/**
	 * The complainant as messages reach them.
	 *
	 * @param number the complaint
	 * @param phone the full phone, for sending only; {@code null} when none was given
	 * @param language the language they read
	 * @param finding the latest answer's finding, once answered
	 * @param answer the latest answer, once answered
	 * @param level the level now handling it
	 */
	public record Contact(String number, @Nullable String phone, ApplicantLanguage language, @Nullable Finding finding,
			@Nullable String answer, int level) {

		@Override
		public String toString() {
			return "Contact[number=" + number + "]";
		}

	}

	/**
	 * @param caller staff or a partner system; {@code null} for the public pages
	 * @return the units of the caller's county (or the public pages' county) a complaint may name
	 */
	public List<UnitView> subjects(@Nullable Caller caller) {
		return routing.subjects(countyOf(caller));
	}

	private Complaint readable(String number, Caller caller) {
		String normalised = ComplaintNumber.normalised(number);
		UnitView unit = unitOf(caller);
		return (normalised == null ? java.util.Optional.<Complaint>empty() : store.load(normalised))
			.filter(complaint -> unit != null && complaint.involves(unit.id().value())
					&& caller.roles().stream().anyMatch(Routing.rolesOf(unit.kind())::contains))
			.orElseThrow(() -> new NotFound("complaints.not-found"));
	}

	private Complaint handled(String number, Caller caller) {
		Complaint complaint = readable(number, caller);
		UnitView unit = unitOf(caller);
		if (unit == null || !complaint.handledBy(unit.id().value(), caller.roles())) {
			throw new Forbidden("complaints.not-the-handler");
		}
		return complaint;
	}

	private ComplaintView view(String number, Caller caller) {
		return view(readable(number, caller), caller);
	}

	private ComplaintView view(Complaint complaint, Caller caller) {
		UnitView unit = unitOf(caller);
		boolean handling = unit != null && complaint.handledBy(unit.id().value(), caller.roles());
		ComplaintStatus status = complaint.status();
		var actions = new ComplaintView.Actions(
				handling && (status == ComplaintStatus.RECEIVED || status == ComplaintStatus.ESCALATED),
				handling && complaint.extensionReason() == null
						&& (status == ComplaintStatus.RECEIVED || status == ComplaintStatus.ACKNOWLEDGED),
				handling && status == ComplaintStatus.ACKNOWLEDGED, handling);
		return jdbc.sql("""
				select channel, subject_unit_name, subject_person, reference, text, anonymous, name_masked,
				       phone_masked, language, received_at, acknowledged_by, repeats
				  from complaints_complaint where id = :id""")
			.param("id", complaint.id())
			.query((row, n) -> new ComplaintView(complaint.number(), complaint.kind(),
					ComplaintChannel.valueOf(row.getString(1)), status, complaint.level(), complaint.handler().name(),
					row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getBoolean(6),
					row.getBoolean(6) ? null
							: new ComplaintView.Complainant(row.getString(7), row.getString(8), row.getString(9)),
					row.getTimestamp(10).toInstant(), complaint.acknowledgeBy(), complaint.answerBy(),
					row.getString(11), complaint.extensionReason(), row.getInt(12), store.answers(complaint.id()),
					actions))
			.single();
	}

	static @Nullable UnitView unitOf(@Nullable Caller caller) {
		if (caller instanceof Staff staff) {
			return staff.unit();
		}
		if (caller instanceof PartnerClient partner) {
			return partner.unit();
		}
		return null;
	}

	private String countyOf(@Nullable Caller caller) {
		UnitView unit = unitOf(caller);
		String path = regions.path(unit == null ? intake.publicCounty() : unit.divisionCode());
		String[] parts = path.split("/");
		if (parts.length < 4) {
			throw new Forbidden("complaints.out-of-scope");
		}
		return "/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/";
	}

	private @Nullable UnitView subject(@Nullable UUID given, String countyPath) {
		if (given == null) {
			return null;
		}
		return routing.subjects(countyPath)
			.stream()
			.filter(unit -> unit.id().value().equals(given))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("complaints.subject-unknown"));
	}

	/**
	 * @param number a case's number, or the number of a request that joined a case (what an applicant knows)
	 */
	private org.jijinan.casework.CaseView caseFor(String number, Caller caller) {
		if (number.startsWith("JJN-")) {
			return cases.forRequest(number, caller).orElseThrow(() -> new NotFound("casework.case-not-found"));
		}
		return cases.find(number, caller);
	}

	private static ComplaintChannel channel(@Nullable ComplaintChannel given, @Nullable Caller caller) {
		if (caller == null) {
			return ComplaintChannel.ONLINE;
		}
		if (caller instanceof PartnerClient) {
			return ComplaintChannel.PARTNER;
		}
		if (given == null || !Set.of(ComplaintChannel.HOTLINE, ComplaintChannel.WINDOW, ComplaintChannel.LETTER)
			.contains(given)) {
			throw new InvalidInput("complaints.channel-required");
		}
		return given;
	}

	private static ComplaintKind kind(@Nullable String given) {
		if (given == null || given.isBlank()) {
			throw new InvalidInput("complaints.kind-required");
		}
		try {
			return ComplaintKind.valueOf(given.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("complaints.kind-required");
		}
	}

	private static Finding finding(@Nullable String given) {
		try {
			return Finding.valueOf(given == null ? "" : given.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("complaints.finding-required");
		}
	}

	/**
	 * What the complainant wrote: something, not too long, words rather than control characters or page code.
	 */
	static String text(@Nullable String given) {
		String text = given == null ? "" : given.strip();
		if (text.codePointCount(0, text.length()) < 4) {
			throw new InvalidInput("complaints.text-required");
		}
		if (text.length() > TEXT_MAX) {
			throw new InvalidInput("complaints.text-too-long", TEXT_MAX);
		}
		if (CONTROL.matcher(text).find() || MARKUP.matcher(text).find()) {
			throw new InvalidInput("complaints.text-markup");
		}
		return text;
	}

	private static @Nullable PhoneNumber phone(@Nullable String given) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return PhoneNumber.parse(given);
		}
		catch (InvalidInput malformed) {
			throw new InvalidInput("complaints.phone-malformed");
		}
	}

	private String followHash(String number, String code) {
		return sealer.lookupHash(number + ":" + code, FOLLOW_CODE);
	}

	private static String maskedName(String name) {
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

	private static @Nullable String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("complaints_complaint", "name_sealed", NAME),
				new Column("complaints_complaint", "phone_sealed", PHONE));
	}

	/**
	 * What the complainant is given.
	 *
	 * @param number the complaint's number
	 * @param followCode the code to follow it with (shown once); {@code null} when the complaint repeated an earlier one
	 * @param repeated whether it was merged into an earlier complaint with the same content
	 */
	public record Receipt(String number, @Nullable String followCode, boolean repeated) {

		@Override
		public String toString() {
			return "Receipt[number=" + number + ", repeated=" + repeated + "]";
		}

	}

	/**
	 * A line of the handler's list.
	 *
	 * @param number the complaint
	 * @param kind what it is about
	 * @param status where it stands
	 * @param level 1 or 2
	 * @param subjectName the unit complained about, if named
	 * @param receivedAt when it came in
	 * @param dueAt when the next thing owed is due
	 */
	public record Summary(String number, ComplaintKind kind, ComplaintStatus status, int level,
			@Nullable String subjectName, Instant receivedAt, Instant dueAt) {
	}

}
