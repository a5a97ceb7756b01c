package org.jijinan.backup;

import org.jijinan.shared.DeploymentMode;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The health endpoint's {@code backup} part: {@code WARNING} (answered with 200, so no node is taken out of service
 * for it) when the latest backup failed or none succeeded for too long, or, outside demo mode, when no passphrase is
 * set; {@code UP} otherwise.
 */
@Component("backup")
class BackupHealth implements HealthIndicator {

	static final Status WARNING = new Status("WARNING", "backups need an administrator");

	private final ScheduledBackups backups;

	private final DeploymentMode mode;

	BackupHealth(ScheduledBackups backups, DeploymentMode mode) {
		this.backups = backups;
		this.mode = mode;
	}

	@Override
	public Health health() {
		BackupState state = backups.state();
		boolean warn = state.scheduled() && (state.failed() || state.overdue() || !state.configured() && !mode.demo());
		Health.Builder health = warn ? Health.status(WARNING) : Health.up();
		return health.withDetail("failed", state.failed())
			.withDetail("overdue", state.overdue())
			.withDetail("configured", state.configured())
			.build();
	}

}
