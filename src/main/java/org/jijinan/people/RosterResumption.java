package org.jijinan.people;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes up abandoned roster imports at start-up and every minute, so an import interrupted by a crash or a stopped
 * node finishes from its last checkpoint.
 */
@Component
class RosterResumption implements ApplicationRunner {

	private final RosterJob job;

	RosterResumption(RosterJob job) {
		this.job = job;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		job.resumeAbandoned();
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void sweep() {
		job.resumeAbandoned();
	}

}
