package org.jijinan.shared;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Puts the {@link ProblemReportValve} in place of Tomcat's error report once the web server runs, so requests that
 * Tomcat itself refuses are answered like any other.
 */
@Component
class TomcatProblemReports implements ApplicationListener<WebServerInitializedEvent> {

	private final ProblemWriter writer;

	private final Problems problems;

	TomcatProblemReports(ProblemWriter writer, Problems problems) {
		this.writer = writer;
		this.problems = problems;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		if (!(event.getWebServer() instanceof TomcatWebServer tomcat)) {
			return;
		}
		Pipeline pipeline = tomcat.getTomcat().getHost().getPipeline();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		pipeline.addValve(new ProblemReportValve(writer, problems));
	}

}
