/**
 * Messages to applicants and staff (通知): receipts, acceptance, refusal with its reasons, alerts to staff in the
 * in-app inbox, and deadline warnings and escalations from supervision. Each message is
 * written to an outbox in the transaction that handles the event causing it, then sent by a scheduled dispatcher
 * through a pluggable sender with retries and back-off; a page shows what was sent and what failed.
 * <p>
 * Decides nothing: it reacts to other modules' events.
 */
@ApplicationModule(displayName = "Notify 通知", allowedDependencies = { "shared", "region", "identity", "calendar", "intake", "casework", "supervision", "relief", "complaints" })
@NullMarked
package org.jijinan.notify;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
