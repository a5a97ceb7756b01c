/**
 * Information sharing with departments (信息共享): data-sharing agreements and the roster feeds partner systems follow
 * with a cursor, limited to what each agreement allows and audited on every read; the assistance departments report
 * back, which enters the households' assistance chains; and, when Kafka is configured, versioned messages to other
 * systems.
 */
@ApplicationModule(displayName = "Sharing 信息共享", allowedDependencies = { "shared", "identity", "people", "intake", "casework", "relief" })
@NullMarked
package org.jijinan.sharing;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
