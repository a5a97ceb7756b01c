package org.jijinan.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.PartnerClient;
import org.jijinan.identity.Staff;
import org.jijinan.identity.UnitView;
import org.jijinan.intake.ApplicantLanguage;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.Sealer;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets a complaint's handler read, acknowledge, extend and answer it (complaints come in through
 * {@link ComplaintIntake}). A complaint is visible only to staff of the units that handle or handled it, holding a
 * handling role there; to anyone else — above all the unit complained about — it does not exist (404
 * {@code complaints.not-found}).
 */
@Service
public class ComplaintDesk {

	private final ComplaintStore store;

	private final Sealer sealer;

	private final WorkingDayCalendar calendar;

	private final ComplaintsSettings settings;

	private final FoundedComplaints founded;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	ComplaintDesk(ComplaintStore store, Sealer sealer, WorkingDayCalendar calendar, ComplaintsSettings settings,
			FoundedComplaints founded, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock) {
		this.store = store;
		this.sealer = sealer;
		this.calendar = calendar;
		this.settings = settings;
		this.founded = founded;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
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
		Consequences consequences = founded.consequences(complaint, found, asked, caller);
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
		return new ComplainantRevealed.Identity(sealed[0] == null ? null : sealer.open(sealed[0], ComplaintIntake.NAME),
				sealed[1] == null ? null : sealer.open(sealed[1], ComplaintIntake.PHONE));
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
			.query((row, n) -> new Contact(number, row.getString(1) == null ? null : sealer.open(row.getString(1), ComplaintIntake.PHONE),
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

	private static Finding finding(@Nullable String given) {
		try {
			return Finding.valueOf(given == null ? "" : given.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("complaints.finding-required");
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
