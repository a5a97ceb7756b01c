package org.jijinan.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit trail is chained.
 *
 * @param chainPerCounty whether each county (or prefecture or province, for units there) keeps its own chain, so
 * that the writes of different counties never wait for one another; {@code false} keeps one chain for the deployment
 * @param anchorInterval how often the head of every chain that moved is anchored in the platform chain
 */
@ConfigurationProperties("jijinan.audit")
record AuditSettings(@DefaultValue("true") boolean chainPerCounty, @DefaultValue("PT5M") Duration anchorInterval) {
}
