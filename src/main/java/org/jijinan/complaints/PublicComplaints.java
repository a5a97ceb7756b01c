package org.jijinan.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.Sealer;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the complainant sees with the complaint's number and the phone they gave or the follow code on their receipt:
 * where it stands, the answers, and the question whether they are satisfied.
 */
@Service
public class PublicComplaints {

	private final ComplaintStore store;

	private final Routing routing;

	private final Sealer sealer;

	private final JdbcClient jdbc;

	private final WorkingDayCalendar calendar;

	private final ComplaintsSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PublicComplaints(ComplaintStore store, Routing routing, Sealer sealer, JdbcClient jdbc,
			WorkingDayCalendar calendar, ComplaintsSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.routing = routing;
		this.sealer = sealer;
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param number as given
	 * @param phoneOrCode the phone given with the complaint, or the follow code of the receipt
	 * @return what the complainant may see; empty when the number and the phone or code do not belong together
	 */
	@Transactional(readOnly = true)
	public Optional<PublicView> follow(@Nullable String number, @Nullable String phoneOrCode) {
		return opened(number, phoneOrCode).map(complaint -> new PublicView(complaint.number(), complaint.kind(),
				complaint.status(), complaint.level(), complaint.answerBy(),
				store.answers(complaint.id())
					.stream()
					.map(answer -> new PublicView.Answer(answer.level(), answer.handlerName(), answer.finding(),
							answer.answer(), answer.answeredAt(), answer.satisfied()))
					.toList()));
	}

	/**
	 * The complainant says whether the latest answer satisfies them. Unsatisfied with a first answer, the complaint
	 * goes to the level above under new clocks.
	 */
	@Transactional
	public PublicView rate(@Nullable String number, @Nullable String phoneOrCode, @Nullable Boolean satisfied) {
		if (satisfied == null) {
			throw new InvalidInput("complaints.verdict-required");
		}
		Complaint complaint = opened(number, phoneOrCode)
			.orElseThrow(() -> new InvalidInput("complaints.follow-not-found"));
		if (complaint.status() != ComplaintStatus.ANSWERED) {
			throw new Conflict("complaints.nothing-to-rate");
		}
		Instant now = clock.instant();
		int level = complaint.level();
		Complaint.Handler above = routing.above(complaint);
		Instant acknowledgeBy = calendar.plusWorkingDays(now, settings.acknowledgeWorkingDays());
		Instant answerBy = calendar.plusWorkingDays(now, settings.answerWorkingDays());
		boolean escalated = complaint.rate(satisfied, above, acknowledgeBy, answerBy);
		store.save(complaint, null);
		store.rateAnswer(complaint, level, satisfied, now);
		events.publishEvent(escalated
				? new ComplaintEscalated(complaint.number(), above.unit(), above.name(), complaint.countyPath(),
						acknowledgeBy, answerBy, now)
				: new ComplaintRated(complaint.number(), level, satisfied, now));
		return follow(complaint.number(), phoneOrCode).orElseThrow();
	}

	private Optional<Complaint> opened(@Nullable String given, @Nullable String phoneOrCode) {
		String number = ComplaintNumber.normalised(given);
		String secret = phoneOrCode == null ? "" : phoneOrCode.replaceAll("\\s+", "");
		if (number == null || secret.isEmpty()) {
			return Optional.empty();
		}
		String phoneHash = phoneHash(secret);
		String codeHash = sealer.lookupHash(number + ":" + secret, ComplaintIntake.FOLLOW_CODE);
		boolean matches = jdbc.sql("""
				select count(*) from complaints_complaint
				 where number = :number and (follow_code_hash = :code or phone_hash = :phone)""")
			.param("number", number)
			.param("code", codeHash)
			.param("phone", phoneHash)
			.query(Long.class)
			.single() > 0;
		return matches ? store.load(number) : Optional.empty();
	}

	private @Nullable String phoneHash(String given) {
		try {
			return sealer.lookupHash(PhoneNumber.parse(given).value(), ComplaintIntake.PHONE);
		}
		catch (InvalidInput notAPhone) {
			return null;
		}
	}

	/**
	 * What the complainant sees.
	 *
	 * @param number the complaint
	 * @param kind what it is about
	 * @param status where it stands
	 * @param level 1, or 2 after an escalation
	 * @param answerBy when the answer is due
	 * @param answers the answers given
	 */
	public record PublicView(String number, ComplaintKind kind, ComplaintStatus status, int level, Instant answerBy,
			List<Answer> answers) {

		/**
		 * @return whether the complainant may now say whether they are satisfied
		 */
		public boolean mayRate() {
			return status == ComplaintStatus.ANSWERED;
		}

		/**
		 * @return whether an unsatisfied verdict would send it to the level above
		 */
		public boolean mayEscalate() {
			return mayRate() && level == 1;
		}

		/**
		 * An answer as the complainant reads it (without the handler's notes of the investigation).
		 *
		 * @param level 1 or 2
		 * @param unitName the unit that answered
		 * @param finding what was found
		 * @param answer the answer
		 * @param at when
		 * @param satisfied the complainant's verdict, once given
		 */
		public record Answer(int level, String unitName, Finding finding, String answer, Instant at,
				@Nullable Boolean satisfied) {
		}

	}

}
