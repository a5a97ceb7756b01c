package org.jijinan.notify;

import org.jijinan.intake.HelpRequestAccepted;
import org.jijinan.intake.HelpRequestReceived;
import org.jijinan.intake.HelpRequestRefused;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.relief.AssistanceRefused;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells applicants what happened to their request: the receipt number, the acceptance, or the refusal with its
 * written reason. Runs after the request's transaction commits, tracked by the event publication registry, and
 * writes each message once however often an event arrives.
 */
@Component
class ApplicantMessages {

	private final IntakeDesk intake;

	private final Outbox outbox;

	ApplicantMessages(IntakeDesk intake, Outbox outbox) {
		this.intake = intake;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(HelpRequestReceived received) {
		send("received:" + received.number(), received.number(),
				"【救急难】您的求助已登记，编号 " + received.number() + "。乡镇将尽快答复，凭编号和电话可查询进度。");
	}

	@ApplicationModuleListener
	void on(HelpRequestAccepted accepted) {
		send("accepted:" + accepted.number(), accepted.number(),
				"【救急难】您的求助 " + accepted.number() + " 已受理，工作人员将与您联系。");
	}

	@ApplicationModuleListener
	void on(HelpRequestRefused refused) {
		intake.applicantContact(refused.number()).ifPresent(contact -> {
			if (contact.phone() != null) {
				outbox.sms("refused:" + refused.number(), contact.phone(), "【救急难】您的求助 " + refused.number()
						+ " 不予受理。理由：" + contact.refusalReason() + " 如有异议可申请复议或拨打 " + intake.hotlineNumber()
						+ "。");
			}
		});
	}

	@ApplicationModuleListener
	void on(AssistanceRefused refused) {
		if (refused.requestNumber() != null) {
			send("aid-refused:" + refused.decisionId(), refused.requestNumber(), "【救急难】您的临时救助申请（个案 "
					+ refused.caseNumber() + "）经审批不予救助。理由：" + refused.reason() + " 如有异议可申请行政复议或拨打 "
					+ intake.hotlineNumber() + "。");
		}
	}

	private void send(String key, String number, String body) {
		intake.applicantContact(number).ifPresent(contact -> {
			if (contact.phone() != null) {
				outbox.sms(key, contact.phone(), body);
			}
		});
	}

}
