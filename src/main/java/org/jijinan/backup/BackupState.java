package org.jijinan.backup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How backups stand.
 *
 * @param scheduled the platform backs itself up (an embedded database)
 * @param configured a passphrase is set, without which nothing is backed up
 * @param running a backup is under way
 * @param percent how far the running backup is, 0 to 100
 * @param failed the latest backup failed
 * @param overdue no backup succeeded for longer than allowed
 * @param lastSuccess when the latest successful backup ended
 * @param lastFailure why the latest backup failed
 */
public record BackupState(boolean scheduled, boolean configured, boolean running, int percent, boolean failed,
		boolean overdue,
		@Nullable Instant lastSuccess, @Nullable String lastFailure) {

	/**
	 * @return whether administrators must act: backups fail, are missed, or cannot be taken for want of a passphrase
	 */
	public boolean needsAttention() {
		return scheduled && (failed || overdue || !configured);
	}

}
