package org.jijinan;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work (sending messages, deadline sweeps, roster feeds …) runs in the platform, never in a command such as
 * the audit verification or the dashboard rebuild: a command started beside a stopped platform must not send its
 * queued messages or escalate its deadlines.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression("!${jijinan.audit.verify-and-exit:false} and !${jijinan.reporting.rebuild-and-exit:false}")
class Scheduling {

}
