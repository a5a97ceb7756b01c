package org.jijinan.notify;

import org.jijinan.identity.StaffDirectory;
import org.jijinan.identity.StaffPhones;
import org.jijinan.intake.HelpRequestReceived;
import org.jijinan.intake.Urgency;
import org.jijinan.region.RegionDirectory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Alerts staff in the platform's inbox: a new request in a township's queue is announced to everyone whose area
 * covers that township, emergencies first in the wording. An emergency is also texted at once to the township's
 * staff who may accept it and gave their own phone number: a family without shelter should not wait until someone
 * opens the inbox.
 */
@Component
class StaffAlerts {

	private final Outbox outbox;

	private final RegionDirectory regions;

	private final StaffDirectory staff;

	/** Who may accept a request at a township, and so is texted when an emergency arrives there. */
	static final java.util.Set<String> TOWNSHIP_DESK = java.util.Set.of("WINDOW_CLERK", "TOWNSHIP_REVIEWER",
			"TOWNSHIP_APPROVER");

	private final StaffPhones phones;

	StaffAlerts(Outbox outbox, RegionDirectory regions, StaffDirectory staff, StaffPhones phones) {
		this.phones = phones;
		this.outbox = outbox;
		this.regions = regions;
		this.staff = staff;
	}

	@ApplicationModuleListener
	void on(HelpRequestReceived received) {
		String urgency = switch (received.urgency()) {
			case EMERGENCY -> "紧急求助（危及生命或安全）";
			case URGENT -> "较急求助";
			case NORMAL -> "求助";
		};
		String limit = received.urgency() == Urgency.EMERGENCY ? "请立即处置并在时限内受理。" : "请在时限内受理或答复。";
		outbox.inbox("alert-received:" + received.number(), Inbox.area(regions.path(received.township())),
				"新" + urgency + " " + received.number() + " 已进入本乡镇待受理队列，首问责任人 "
						+ staff.displayName(received.owner()).orElse(received.owner()) + "。" + limit,
				"/intake/requests/" + received.number());
		if (received.urgency() == Urgency.EMERGENCY) {
			var desk = staff.colleagues(regions.path(received.township()), TOWNSHIP_DESK)
				.stream()
				.map(StaffDirectory.Colleague::username)
				.toList();
			phones.phonesOf(desk)
				.forEach((username, phone) -> outbox.sms("alert-emergency:" + received.number() + ":" + username, phone,
						"【救急难】紧急求助 " + received.number() + " 已进入本乡镇待受理队列，请立即登录平台处置。"));
		}
	}

}
