package org.jijinan.people;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Roster imports run on their own two threads, so a large import never takes the threads other background work
 * needs; on shutdown the running batch finishes (it is one transaction) and the rest resumes at the next start.
 */
@Configuration(proxyBeanMethods = false)
class RosterExecutor {

	static final String NAME = "rosterImportExecutor";

	@Bean(NAME)
	ThreadPoolTaskExecutor rosterImportExecutor() {
		var executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("roster-import-");
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setQueueCapacity(1000);
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

}
