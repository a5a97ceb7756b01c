package org.jijinan.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The rebuild command: started with {@code --jijinan.reporting.rebuild-and-exit=true}, the application rebuilds the
 * dashboards' roll-ups from their facts, prints what it did and exits with status 0, or 4 when the rebuild failed
 * (and was rolled back).
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "jijinan.reporting.rebuild-and-exit", havingValue = "true")
class RebuildCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

	private final RollupRebuild rebuild;

	private final ConfigurableApplicationContext context;

	RebuildCommand(RollupRebuild rebuild, ConfigurableApplicationContext context) {
		this.rebuild = rebuild;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		int status;
		try {
			RollupRebuild.Rebuilt rebuilt = rebuild.rebuild("command-line", "COMMAND");
			log.info("Dashboards rebuilt: {} case, {} unit and {} activity rows (layout {})", rebuilt.caseRows(),
					rebuilt.unitRows(), rebuilt.activityRows(), rebuilt.version());
			status = 0;
		}
		catch (RuntimeException failed) {
			log.error("Dashboards NOT rebuilt; the roll-ups are as they were", failed);
			status = 4;
		}
		int exit = status;
		System.exit(SpringApplication.exit(context, () -> exit));
	}

}
