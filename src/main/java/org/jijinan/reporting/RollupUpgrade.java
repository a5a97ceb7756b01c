package org.jijinan.reporting;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up, once the database is migrated and before the platform serves requests or hands events to the
 * listeners: roll-ups of an older layout than the code's are rebuilt from their facts (see {@link RollupRebuild}).
 * This is how an installation gets the buckets in minutes and the urgency dimension of migration
 * {@code V1_170}.
 */
@Component
class RollupUpgrade implements SmartInitializingSingleton {

	private final RollupRebuild rebuild;

	RollupUpgrade(RollupRebuild rebuild) {
		this.rebuild = rebuild;
	}

	@Override
	public void afterSingletonsInstantiated() {
		rebuild.upgradeIfOutdated();
	}

}
