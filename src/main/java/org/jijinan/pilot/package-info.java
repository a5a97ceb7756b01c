/**
 * Pilot management and evaluation (试点管理与评估): the pilot's phases with validated dates, each township's
 * readiness checklist, the townships' policy documents, and the evaluation report built from the live figures as a
 * workbook and as a PDF with its Chinese font embedded.
 */
@ApplicationModule(displayName = "Pilot 试点管理", allowedDependencies = { "shared", "region", "reporting", "complaints", "relief", "budget", "identity", "calendar" })
@NullMarked
package org.jijinan.pilot;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
