package org.jijinan.notify;

import java.util.function.UnaryOperator;

import org.jijinan.identity.StaffPhones;
import org.jijinan.intake.HelpRequestAccepted;
import org.jijinan.intake.HelpRequestRefused;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.intake.Reporters;
import org.jijinan.intake.Reporters.Reporter;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the staff member who reported a request (a village reporter, a department's officer) what the township
 * decided: in their inbox, opening the report, and by text message to the phone they gave on their profile — unless
 * that phone is the applicant's, who hears already. The text names the person by surname only. Each message is
 * written once however often an event arrives.
 */
@Component
class ReporterMessages {

	private final Reporters reporters;

	private final IntakeDesk intake;

	private final StaffPhones phones;

	private final Outbox outbox;

	ReporterMessages(Reporters reporters, IntakeDesk intake, StaffPhones phones, Outbox outbox) {
		this.reporters = reporters;
		this.intake = intake;
		this.phones = phones;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(HelpRequestAccepted accepted) {
		reporters.of(accepted.number())
			.ifPresent(reporter -> tell(reporter, "reporter-accepted:" + accepted.number(),
					person -> "您报告的求助 " + accepted.number() + "（" + person + "）已受理，乡镇正在办理。",
					"结果可登录平台在“我报告的”中查看。"));
	}

	@ApplicationModuleListener
	void on(HelpRequestRefused refused) {
		reporters.of(refused.number())
			.ifPresent(reporter -> tell(reporter, "reporter-refused:" + refused.number(),
					person -> "您报告的求助 " + refused.number() + "（" + person + "）不予受理。理由："
							+ reporter.refusalReason(),
					" 如有疑问请拨打 " + intake.hotlineNumber() + "。"));
	}

	/**
	 * @param news the news, given how it names the person
	 * @param more what the text message adds
	 */
	private void tell(Reporter reporter, String key, UnaryOperator<String> news, String more) {
		String number = reporter.requestNumber();
		outbox.inbox(key + ":inbox", Inbox.account(reporter.account()), news.apply(named(reporter.subjectName())),
				"/intake/mine/" + number);
		String applicant = intake.applicantContact(number).map(IntakeDesk.ApplicantContact::phone).orElse(null);
		phones.phoneOf(reporter.account())
			.filter(phone -> !phone.equals(applicant))
			.ifPresent(phone -> outbox.sms(key, phone, "【救急难】" + news.apply(surname(reporter.subjectName())) + more));
	}

	private static String named(@Nullable String name) {
		return name == null ? "姓名未填" : name;
	}

	/** The person as a text message names them: the first character and 某, as public lists do. */
	static String surname(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return named(null);
		}
		String given = name.strip();
		return given.substring(0, given.offsetByCodePoints(0, 1)) + "某";
	}

}
