package org.jijinan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the operator where to open the platform once it is ready. Started with {@code --jijinan.stop-when-ready=true},
 * the platform then stops at once (status 0): the build's class-data-sharing training run starts it so, and so can
 * anyone who wants to know whether a configuration starts.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final Environment environment;

	StartupReport(Environment environment) {
		this.environment = environment;
	}

	@EventListener
	void on(ApplicationReadyEvent event) {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String path = environment.getProperty("server.servlet.context-path", "");
		log.info("救急难 platform ready — open http://localhost:{}{}/ (started in {} ms)", port, path,
				event.getTimeTaken().toMillis());
		String management = environment.getProperty("local.management.port");
		if (management != null) {
			log.info("Health and metrics: http://{}:{}/actuator/health ({})",
					environment.getProperty("management.server.address", "127.0.0.1"), management,
					"0".equals(environment.getProperty("management.server.port")) ? "a free port chosen at start; "
							+ "set MANAGEMENT_SERVER_PORT to fix it" : "management.server.port");
		}
		if (environment.getProperty("jijinan.stop-when-ready", Boolean.class, false)) {
			log.info("Stopping, as jijinan.stop-when-ready asks");
			System.exit(SpringApplication.exit(event.getApplicationContext()));
		}
	}

}
