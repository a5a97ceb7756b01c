package org.jijinan.audit;

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
 * The verification command: started with {@code --jijinan.audit.verify-and-exit=true}, the application verifies the
 * chain, prints the outcome and exits with status 0 when intact, 3 when broken.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "jijinan.audit.verify-and-exit", havingValue = "true")
class VerifyCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(VerifyCommand.class);

	private final ChainVerification verification;

	private final ConfigurableApplicationContext context;

	VerifyCommand(ChainVerification verification, ConfigurableApplicationContext context) {
		this.verification = verification;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		VerificationReport report = verification.verify();
		if (report.intact()) {
			log.info("Audit chain intact: {} records verified", report.checked());
		}
		else {
			log.error("Audit chain {} BROKEN at its record {} ({}); {} records verified before it", report.chain(),
					report.firstBroken(), report.problem(), report.checked());
		}
		int status = report.intact() ? 0 : 3;
		System.exit(SpringApplication.exit(context, () -> status));
	}

}
