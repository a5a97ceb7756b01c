package org.jijinan.monitoring;

import java.util.List;

import org.jijinan.shared.AuditableEvents;

/**
 * Warnings were raised (or raised again) together, by the signals of one transaction — one for a signal sent alone,
 * hundreds for a department's file: each is owed a check by its owner, with its township answering for it, and each
 * leaves its own audit record.
 *
 * @param warnings the warnings, in the order they were raised
 */
public record WarningsRaised(List<WarningRaised> warnings) implements AuditableEvents {

	@Override
	public List<WarningRaised> auditables() {
		return warnings;
	}

}
