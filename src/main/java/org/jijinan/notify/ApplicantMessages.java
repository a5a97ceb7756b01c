package org.jijinan.notify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseStatus;
import org.jijinan.casework.CaseStatusChanged;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.intake.ApplicantProgress.Kind;
import org.jijinan.intake.HelpRequestAccepted;
import org.jijinan.intake.HelpRequestReceived;
import org.jijinan.intake.HelpRequestRefused;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.intake.IntakeDesk.ApplicantContact;
import org.jijinan.relief.AssistanceRefused;
import org.jijinan.relief.DecisionMade;
import org.jijinan.relief.DecisionStatus;
import org.jijinan.relief.EmergencyAidGranted;
import org.jijinan.relief.ReliefPaid;
import org.jijinan.supervision.SupervisionSettings;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells applicants what happened to their request at every milestone, in the language they read: received,
 * accepted (with who handles it), refused (with the reason and the remedies), emergency aid granted, decided, paid
 * and closed. Each milestone is kept for the public follow-up page and sent by text message once, however often its
 * event arrives. Runs after the acting transaction commits, tracked by the event publication registry.
 */
@Component
class ApplicantMessages {

	private final IntakeDesk intake;

	private final CaseDesk cases;

	private final StaffDirectory staff;

	private final ApplicantMilestones milestones;

	private final Outbox outbox;

	private final MessageSource messages;

	private final SupervisionSettings clocks;

	ApplicantMessages(IntakeDesk intake, CaseDesk cases, StaffDirectory staff, ApplicantMilestones milestones,
			Outbox outbox, MessageSource messages, SupervisionSettings clocks) {
		this.intake = intake;
		this.cases = cases;
		this.staff = staff;
		this.milestones = milestones;
		this.outbox = outbox;
		this.messages = messages;
		this.clocks = clocks;
	}

	@ApplicationModuleListener
	void on(HelpRequestReceived received) {
		tell(received.number(), Kind.RECEIVED, received.number(), received.receivedAt(), List.of(), contact -> List.of());
	}

	@ApplicationModuleListener
	void on(HelpRequestAccepted accepted) {
		StaffDirectory.NamedStaff handler = staff.named(Set.of(accepted.acceptedBy())).get(accepted.acceptedBy());
		tell(accepted.number(), Kind.ACCEPTED, accepted.number(), accepted.acceptedAt(), List.of(),
				contact -> List.of(handler == null ? "" : handler.displayName(),
						handler == null ? "" : handler.unitName(),
						staff.officePhoneOf(accepted.acceptedBy()).orElse(intake.hotlineNumber())));
	}

	@ApplicationModuleListener
	void on(HelpRequestRefused refused) {
		tell(refused.number(), Kind.REFUSED, refused.number(), refused.refusedAt(), null,
				contact -> List.of(reason(contact.refusalReason()), intake.hotlineNumber()));
	}

	@ApplicationModuleListener
	void on(EmergencyAidGranted granted) {
		String amount = yuan(granted.amount());
		for (String request : cases.requestNumbers(granted.caseNumber())) {
			tell(request, Kind.EMERGENCY_AID, granted.number(), granted.at(), List.of(amount),
					contact -> List.of(amount, granted.withGoods() ? text("applicant.sms.goods", contact) : ""));
		}
	}

	@ApplicationModuleListener
	void on(DecisionMade decided) {
		if (decided.status() != DecisionStatus.APPROVED || decided.cashAmount().signum() <= 0) {
			return;
		}
		List<String> said = List.of(yuan(decided.cashAmount()), String.valueOf(clocks.paymentWorkingDays()));
		for (String request : cases.requestNumbers(decided.caseNumber())) {
			tell(request, Kind.APPROVED, decided.decisionId().toString(), decided.at(), said, contact -> said);
		}
	}

	@ApplicationModuleListener
	void on(AssistanceRefused refused) {
		for (String request : cases.requestNumbers(refused.caseNumber())) {
			tell(request, Kind.AID_REFUSED, refused.decisionId().toString(), refused.at(), List.of(refused.reason()),
					contact -> List.of(refused.reason(), intake.hotlineNumber()));
		}
	}

	@ApplicationModuleListener
	void on(ReliefPaid paid) {
		String amount = yuan(paid.amount());
		for (String request : cases.requestNumbers(paid.caseNumber())) {
			tell(request, Kind.PAID, paid.orderNumber(), paid.at(), List.of(amount), contact -> List.of(amount));
		}
	}

	@ApplicationModuleListener
	void on(CaseStatusChanged changed) {
		if (changed.to() != CaseStatus.CLOSED) {
			return;
		}
		for (String request : cases.requestNumbers(changed.number())) {
			tell(request, Kind.CLOSED, changed.number(), changed.at(), List.of(),
					contact -> List.of(intake.hotlineNumber()));
		}
	}

	/**
	 * Records the milestone and, the first time, texts the applicant in their language. The text's first argument is
	 * always the request's number.
	 * @param shown what the public page shows with it; {@code null} when it needs the applicant's contact (a reason
	 * written on the request)
	 */
	private void tell(String number, Kind kind, String source, Instant at, @org.jspecify.annotations.Nullable List<String> shown,
			java.util.function.Function<ApplicantContact, List<String>> said) {
		intake.applicantContact(number).ifPresent(contact -> {
			List<String> page = shown != null ? shown : List.of(reason(contact.refusalReason()));
			if (milestones.record(number, kind, source, at, page) && contact.phone() != null) {
				List<Object> arguments = new java.util.ArrayList<>();
				arguments.add(number);
				arguments.addAll(said.apply(contact));
				String key = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ":" + number
						+ (source.equals(number) ? "" : ":" + source);
				outbox.sms(key,
						contact.phone(), messages.getMessage("applicant.sms." + kind.name(), arguments.toArray(),
								contact.language().locale()));
			}
		});
	}

	private String text(String key, ApplicantContact contact) {
		return messages.getMessage(key, null, contact.language().locale());
	}

	private static String reason(@org.jspecify.annotations.Nullable String reason) {
		return reason == null ? "" : reason;
	}

	/**
	 * @return an amount as people write it: 2000, 4680.5
	 */
	private static String yuan(BigDecimal amount) {
		return amount.stripTrailingZeros().toPlainString();
	}

}
