package org.jijinan.notify;

import java.util.Locale;

import org.jijinan.complaints.ComplaintAnswered;
import org.jijinan.complaints.ComplaintDesk;
import org.jijinan.complaints.ComplaintEscalated;
import org.jijinan.complaints.ComplaintReceived;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Texts a complainant who left a phone, in the language they read: the complaint's number when it is received, the
 * answer with its finding (and, for a first answer, that the level above may review it), and the escalation. Each
 * message is sent once, however often its event arrives; runs after the acting transaction commits.
 */
@Component
class ComplainantMessages {

	private final ComplaintDesk complaints;

	private final Outbox outbox;

	private final MessageSource messages;

	ComplainantMessages(ComplaintDesk complaints, Outbox outbox, MessageSource messages) {
		this.complaints = complaints;
		this.outbox = outbox;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(ComplaintReceived received) {
		tell(received.number(), "complaint-received:" + received.number(), "COMPLAINT_RECEIVED");
	}

	@ApplicationModuleListener
	void on(ComplaintAnswered answered) {
		tell(answered.number(), "complaint-answered:" + answered.number() + ":" + answered.level(),
				answered.level() == 1 ? "COMPLAINT_ANSWERED" : "COMPLAINT_ANSWERED_FINAL");
	}

	@ApplicationModuleListener
	void on(ComplaintEscalated escalated) {
		tell(escalated.number(), "complaint-escalated:" + escalated.number(), "COMPLAINT_ESCALATED");
	}

	private void tell(String number, String key, String kind) {
		complaints.contact(number).filter(contact -> contact.phone() != null).ifPresent(contact -> {
			Locale locale = contact.language().locale();
			String finding = contact.finding() == null ? ""
					: messages.getMessage("public.complaint.finding." + contact.finding().name(), null, locale);
			String answer = contact.answer() == null ? "" : shortened(contact.answer());
			outbox.sms(key, contact.phone(), messages.getMessage("applicant.sms." + kind,
					new Object[] { number, finding, answer }, locale));
		});
	}

	private static String shortened(String answer) {
		return answer.length() > 300 ? answer.substring(0, 300) + "…" : answer;
	}

}
