package org.jijinan.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jijinan.people.NewPerson;
import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistry;
import org.jijinan.people.PersonView;
import org.jijinan.region.DivisionLevel;
import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jijinan.timelimits.TimeLimit;
import org.jijinan.timelimits.TimeLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake module's front door: receive a request at any channel (the receiver becomes its first-contact owner
 * and it goes at once to the queue of the township where the person lives, with a due time for the decision), show
 * it, and let the township accept or refuse it. A caller who asked to be called back is owed a call-back
 * ({@link CallBackDesk}).
 */
@Service
@Transactional
public class IntakeDesk implements SealedColumns {

	/** The roles of a township's staff who accept or refuse its requests. */
	public static final Set<String> TOWNSHIP_ROLES = Set.of("WINDOW_CLERK", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER");

	private final HelpRequests requests;

	private final RegionDirectory regions;

	private final PersonRegistry persons;

	private final TimeLimits timeLimits;

	private final IntakeSettings settings;

	private final Sealer sealer;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.jijinan.shared.InputShape shape;

	private final RequestCases cases;

	private final CallBackDesk callBacks;

	private final RequestStore store;

	IntakeDesk(HelpRequests requests, RegionDirectory regions, PersonRegistry persons, TimeLimits timeLimits,
			IntakeSettings settings, Sealer sealer, JdbcClient jdbc, Clock clock, org.jijinan.shared.InputShape shape,
			RequestCases cases, CallBackDesk callBacks, RequestStore store) {
		this.store = store;
		this.callBacks = callBacks;
		this.cases = cases;
		this.shape = shape;
		this.requests = requests;
		this.regions = regions;
		this.persons = persons;
		this.timeLimits = timeLimits;
		this.settings = settings;
		this.sealer = sealer;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Receives a request; the caller becomes its first-contact owner.
	 * @return the request with its receipt number
	 */
	public HelpRequestView receive(NewHelpRequest given, Caller caller) {
		shape.check(given);
		checkCauses(given.causes());
		DivisionView village = village(given, caller);
		NewHelpRequest spec = withSubject(given, caller);
		DivisionCode township = village.parentCode();
		Instant now = clock.instant();
		Instant due = timeLimits.due(spec.urgencyOwed() == Urgency.EMERGENCY ? TimeLimit.EMERGENCY_ACCEPTANCE
				: TimeLimit.ACCEPTANCE, township, now);
		long sequence = jdbc.sql("select nextval('intake_request_number_seq')").query(Long.class).single();
		Intake.SealedPhone subjectPhone = phone(spec.subjectPhone(), "intake.subject-phone");
		Intake.SealedPhone reporterPhone = phone(spec.reporterPhone(), "intake.reporter-phone");
		var intake = new Intake(spec, HelpRequestNumber.of(now, sequence), village.code(), township,
				regions.path(township), caller.name(), caller.organisation(), now, due, reporterPhone, subjectPhone,
				earlierAbout(spec.personId(), subjectPhone, now), urgentRepeats(spec, reporterPhone, subjectPhone, now));
		HelpRequest received = store.received(HelpRequest.receive(intake));
		callBacks.owe(received);
		return received.view();
	}

	/**
	 * A request taken by someone who may register people, with the person's ID number, is about the registered
	 * person: whoever holds the number, or, when nobody does, a person registered now with the name, phone and
	 * village given — in the same transaction, so that the hospital, the decision and the duplicate check find them.
	 * The request stays routed by the village given (the receiver need not be allowed to read the person's record).
	 */
	private NewHelpRequest withSubject(NewHelpRequest spec, Caller caller) {
		String idNumber = spec.subjectIdNumber();
		// Only those who may register persons link or register one: anyone else (a department's system) would learn
		// from the answer whether a number is in the registry. Their request keeps the name; the township links it.
		if (spec.personId() != null || idNumber == null || idNumber.isBlank() || !persons.mayRegister(caller)
				|| spec.village() == null || spec.village().isBlank()) {
			return spec;
		}
		java.util.Optional<PersonId> holder = persons.holderOf(idNumber);
		if (holder.isPresent()) {
			return spec.about(holder.get().value());
		}
		if (spec.subjectName() == null || spec.subjectName().isBlank()) {
			throw new InvalidInput("intake.subject-required");
		}
		PersonView registered = persons.register(new NewPerson(spec.subjectName(), idNumber, null, null, null,
				spec.subjectPhone(), DivisionCode.of(spec.village()), null), caller);
		return spec.about(registered.id().value());
	}

	/**
	 * @return the request, to its first-contact owner or to staff of its township's area
	 */
	@Transactional(readOnly = true)
	public HelpRequestView find(String number, Caller caller) {
		return shown(visible(number, caller));
	}

	/**
	 * The requests waiting for a decision that the caller owns or whose township lies in the caller's area, the
	 * soonest due first.
	 */
	@Transactional(readOnly = true)
	public List<HelpRequestView> queue(Caller caller) {
		String scope = caller.regionScope() == null ? "-" : regions.path(caller.regionScope());
		return inOrder(jdbc.sql("""
				select id from intake_help_request
				 where status = 'RECEIVED' and (township_path like :scope || '%' or owner = :owner)
				 order by accept_by, number limit 500""")
			.param("scope", scope)
			.param("owner", caller.name())
			.query(java.util.UUID.class)
			.list());
	}

	/**
	 * What the public may learn with a request number and the phone number given: the status, nothing else. A
	 * wrong number or phone gives the same empty answer.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<PublicStatus> publicStatus(String given, String phone) {
		// As people copy it from a text message or a receipt: any case, spaces anywhere.
		String number = given == null ? "" : given.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
		if (!HelpRequestNumber.wellFormed(number)) {
			return java.util.Optional.empty();
		}
		String phoneGiven;
		try {
			phoneGiven = PhoneNumber.parse(phone).value();
		}
		catch (InvalidInput malformed) {
			return java.util.Optional.empty();
		}
		return jdbc.sql("""
				select status, reporter_phone_sealed, subject_phone_sealed from intake_help_request
				 where number = :number""")
			.param("number", number)
			.query((row, n) -> new String[] { row.getString(1), row.getString(2), row.getString(3) })
			.optional()
			.filter(row -> matches(row[1], "intake.reporter-phone", phoneGiven)
					|| matches(row[2], "intake.subject-phone", phoneGiven))
			.map(row -> new PublicStatus(number, RequestStatus.valueOf(row[0])));
	}

	/**
	 * What the public learns of a request.
	 *
	 * @param number its number, as the platform writes it
	 * @param status where it stands
	 */
	public record PublicStatus(String number, RequestStatus status) {
	}

	private boolean matches(@Nullable String sealed, String purpose, String phone) {
		return sealed != null && java.security.MessageDigest.isEqual(sealer.open(sealed, purpose).getBytes(),
				phone.getBytes());
	}

	/**
	 * The requests made earlier from a phone number (for the hotline console), newest first, within the caller's
	 * area or owned by the caller.
	 */
	@Transactional(readOnly = true)
	public List<HelpRequestView> earlierFrom(String phone, Caller caller) {
		String hash = sealer.lookupHash(PhoneNumber.parse(phone).value(), "intake.phone");
		String scope = caller.regionScope() == null ? "-" : regions.path(caller.regionScope());
		return inOrder(jdbc.sql("""
				select id from intake_help_request
				 where reporter_phone_hash = :hash and (township_path like :scope || '%' or owner = :owner)
				 order by received_at desc limit 20""")
			.param("hash", hash)
			.param("scope", scope)
			.param("owner", caller.name())
			.query(java.util.UUID.class)
			.list());
	}

	/**
	 * Whether anyone asked for help for a registered person since a moment, by any channel: what tells a household
	 * found by data from one that had already asked.
	 */
	@Transactional(readOnly = true)
	public boolean askedFor(org.jijinan.people.PersonId person, Instant since) {
		return jdbc.sql("select exists (select 1 from intake_help_request where person_id = :person and received_at >= :since)")
			.param("person", person.value())
			.param("since", java.sql.Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

	/**
	 * Who should hear about a request and what a refusal said, for the notification module: the phone the
	 * applicant gave (the reporter's, else the person's), and the written reason of a refusal.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<ApplicantContact> applicantContact(String number) {
		// Read on every message to an applicant: the five columns it needs, not the whole request with its causes.
		return jdbc.sql("""
				select reporter_phone_sealed, subject_phone_sealed, refusal_reason, language, township
				  from intake_help_request where number = :number""")
			.param("number", number)
			.query((row, n) -> {
				String reporterPhone = row.getString("reporter_phone_sealed");
				String subjectPhone = row.getString("subject_phone_sealed");
				String phone = reporterPhone != null ? sealer.open(reporterPhone, "intake.reporter-phone")
						: subjectPhone != null ? sealer.open(subjectPhone, "intake.subject-phone") : null;
				return new ApplicantContact(number, phone, row.getString("refusal_reason"),
						ApplicantLanguage.valueOf(row.getString("language")), DivisionCode.of(row.getString("township")));
			})
			.optional();
	}

	/**
	 * How to reach the applicant of a request.
	 *
	 * @param number the request
	 * @param phone the phone given, if any (full: for sending only, never for display)
	 * @param refusalReason the written reason, if the request was refused
	 * @param language the language the applicant reads
	 * @param township the township handling the request
	 */
	public record ApplicantContact(String number, @Nullable String phone, @Nullable String refusalReason,
			ApplicantLanguage language, DivisionCode township) {

		@Override
		public String toString() {
			return "ApplicantContact[" + number + "]";
		}

	}

	/**
	 * The township accepts the request (受理); casework opens a case.
	 */
	public HelpRequestView accept(String number, Caller caller) {
		HelpRequest request = decidable(number, caller);
		request.accept(caller.name(), clock.instant());
		return shown(store.decided(request));
	}

	/**
	 * The township refuses the request (不予受理) with a written reason for the applicant.
	 */
	public HelpRequestView refuse(String number, String reason, Caller caller) {
		HelpRequest request = decidable(number, caller);
		request.refuse(caller.name(), reason, clock.instant());
		return store.decided(request).view();
	}

	/**
	 * Keeps a possible duplicate apart (the township checked that it is another emergency), with the reason; the
	 * request can then be accepted.
	 */
	public HelpRequestView keepApart(String number, @Nullable String reason, Caller caller) {
		HelpRequest request = decidable(number, caller);
		request.keepApart(reason, caller.name(), clock.instant());
		return store.decided(request).view();
	}

	/**
	 * Merges a request into another about the same person (the township of the first decides).
	 */
	public HelpRequestView merge(String number, String into, Caller caller) {
		HelpRequest request = decidable(number, caller);
		request.mergeInto(load(into), caller.name(), clock.instant());
		return store.decided(request).view();
	}

	/**
	 * Forwards a request to another county, recording who did it, when and why.
	 */
	public HelpRequestView forward(String number, DivisionCode county, String note, Caller caller) {
		HelpRequest request = decidable(number, caller);
		DivisionView target = regions.find(county).orElseThrow(() -> new InvalidInput("intake.unknown-county", county));
		if (target.level() != DivisionLevel.COUNTY) {
			throw new InvalidInput("intake.unknown-county", county);
		}
		request.forwardTo(county, note, caller.name(), clock.instant());
		return store.decided(request).view();
	}

	/**
	 * @return what is shown of the request, with the case that handles it once it is accepted
	 */
	private HelpRequestView shown(HelpRequest request) {
		HelpRequestView view = request.view();
		return view.status() == RequestStatus.ACCEPTED ? cases.caseOf(view.number()).map(view::inCase).orElse(view)
				: view;
	}

	/**
	 * Loads the requests in one repository call and keeps the order the query chose.
	 */
	private List<HelpRequestView> inOrder(List<java.util.UUID> ids) {
		java.util.Map<java.util.UUID, HelpRequestView> views = new java.util.HashMap<>();
		requests.findAllById(ids).forEach(request -> views.put(request.id(), request.view()));
		return ids.stream().map(views::get).toList();
	}

	/**
	 * @return whether the caller may accept, refuse, merge or keep apart the request (its township's intake, review
	 * and approval staff), so that pages offer those actions to them only
	 */
	public boolean mayDecide(String number, Caller caller) {
		return mayDecide(load(number), caller);
	}

	private boolean mayDecide(HelpRequest request, Caller caller) {
		return caller.roles().stream().anyMatch(TOWNSHIP_ROLES::contains) && inArea(request, caller);
	}

	private HelpRequest decidable(String number, Caller caller) {
		HelpRequest request = load(number);
		if (!mayDecide(request, caller)) {
			throw new Forbidden("intake.decision-not-allowed");
		}
		return request;
	}

	private HelpRequest visible(String number, Caller caller) {
		HelpRequest request = load(number);
		if (!request.owner().equals(caller.name()) && !inArea(request, caller)) {
			throw new Forbidden("intake.out-of-scope");
		}
		return request;
	}

	private boolean inArea(HelpRequest request, Caller caller) {
		return caller.regionScope() != null && request.townshipPath().startsWith(regions.path(caller.regionScope()));
	}

	private HelpRequest load(String number) {
		if (!HelpRequestNumber.wellFormed(number)) {
			throw new InvalidInput("intake.number-malformed");
		}
		return requests.findByNumber(number).orElseThrow(() -> new NotFound("intake.request-not-found"));
	}

	private DivisionView village(NewHelpRequest spec, Caller caller) {
		DivisionCode code;
		if (settings.routing() == IntakeSettings.Routing.INCIDENT && spec.incidentVillage() != null
				&& !spec.incidentVillage().isBlank()) {
			code = DivisionCode.of(spec.incidentVillage());
		}
		else if (spec.personId() != null) {
			code = persons.find(new PersonId(spec.personId()), caller).residence();
		}
		else if (spec.village() == null || spec.village().isBlank()) {
			throw new InvalidInput("intake.village-required");
		}
		else {
			code = DivisionCode.of(spec.village());
		}
		DivisionView village = regions.find(code).orElseThrow(() -> new InvalidInput("intake.unknown-village", code));
		if (village.level() != DivisionLevel.VILLAGE || village.parentCode() == null) {
			throw new InvalidInput("intake.unknown-village", code);
		}
		return village;
	}

	/**
	 * @return the earliest request about the same registry person or the same phone within the window
	 */
	/**
	 * @return how many other urgent requests came from the same phone in the day before: repeated urgent requests are
	 * flagged to the township (they are not refused; a family in crisis may well call twice)
	 */
	private int urgentRepeats(NewHelpRequest spec, Intake.@Nullable SealedPhone reporter,
			Intake.@Nullable SealedPhone subject, Instant now) {
		if (spec.urgentNeeds() == null || spec.urgentNeeds().isEmpty() || (reporter == null && subject == null)) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from intake_help_request
				 where received_at >= :since and urgent_needs is not null
				   and (reporter_phone_hash in (:phones) or subject_phone_hash in (:phones))""")
			.param("since", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1))))
			.param("phones", java.util.stream.Stream.of(reporter, subject)
				.filter(java.util.Objects::nonNull)
				.map(Intake.SealedPhone::hash)
				.toList())
			.query(Integer.class)
			.single();
	}

	private @Nullable String earlierAbout(java.util.@Nullable UUID personId, Intake.@Nullable SealedPhone phone,
			Instant now) {
		if (personId == null && phone == null) {
			return null;
		}
		return jdbc.sql("""
				select number from intake_help_request
				 where received_at >= :since and (person_id = :person or subject_phone_hash = :phone)
				 order by received_at limit 1""")
			.param("since", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(settings.duplicateWindowDays()))))
			.param("person", personId)
			.param("phone", phone == null ? null : phone.hash())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * @return the county whose villages and units the public pages offer
	 */
	public DivisionCode publicCounty() {
		return DivisionCode.of(settings.publicCounty());
	}

	/**
	 * @return the social-assistance hotline's number as the county configured it (12349 by default)
	 */
	public String hotlineNumber() {
		return settings.hotlineNumber();
	}

	/**
	 * @return the active hardship causes, sudden ones first
	 */
	@Transactional(readOnly = true)
	public List<HardshipCause> causes() {
		return jdbc.sql("select code, name_zh, name_en from intake_cause where active order by kind desc, code")
			.query((row, number) -> new HardshipCause(row.getString(1), row.getString(2), row.getString(3)))
			.list();
	}

	private void checkCauses(Set<String> causes) {
		List<String> known = jdbc.sql("select code from intake_cause where active").query(String.class).list();
		for (String cause : causes) {
			if (!known.contains(cause.strip())) {
				throw new InvalidInput("intake.unknown-cause", cause.strip());
			}
		}
	}

	private Intake.@Nullable SealedPhone phone(@Nullable String text, String purpose) {
		if (text == null || text.isBlank()) {
			return null;
		}
		PhoneNumber phone = PhoneNumber.parse(text);
		return new Intake.SealedPhone(sealer.seal(phone.value(), purpose), phone.masked(),
				sealer.lookupHash(phone.value(), "intake.phone"));
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("intake_help_request", "reporter_phone_sealed", "intake.reporter-phone"),
				new Column("intake_help_request", "subject_phone_sealed", "intake.subject-phone"));
	}
}
