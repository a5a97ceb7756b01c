/**
 * The tamper-evident audit trail (审计日志): every login, permission and account change and every create or update
 * the platform makes, as an append-only chain in which each record carries an HMAC over its content and its
 * predecessor's HMAC. A verification walks the chain and names the first broken record; the application's database
 * role may only INSERT and SELECT records.
 * <p>
 * Listens to {@code AuditableEvent}s of every module in the publishing transaction, so a change and its record commit
 * together. Does not decide who may see records; the pages restrict that to administrators. The audit page names
 * the people behind login names through identity's staff directory (a read only; identity never depends on audit),
 * and a broken chain by its county's name through the region directory.
 * <p>
 * One chain per county (the county of the acting unit; {@code platform} for the system and the public), so that the
 * writes of different counties never wait on one head; the platform chain anchors every other chain's head from time
 * to time ({@code ChainAnchors}).
 */
@ApplicationModule(displayName = "Audit 审计", allowedDependencies = { "shared", "identity", "region" })
@NullMarked
package org.jijinan.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
