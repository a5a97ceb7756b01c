package org.jijinan.notify;

import org.jijinan.identity.StaffDirectory;
import org.jijinan.intake.HelpRequestReceived;
import org.jijinan.intake.Urgency;
import org.jijinan.region.RegionDirectory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Alerts staff in the platform's inbox: a new request in a township's queue is announced to everyone whose area
 * covers that township, emergencies first in the wording.
 */
@Component
class StaffAlerts {

	private final Outbox outbox;

	private final RegionDirectory regions;

	private final StaffDirectory staff;

	StaffAlerts(Outbox outbox, RegionDirectory regions, StaffDirectory staff) {
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
	}

}
