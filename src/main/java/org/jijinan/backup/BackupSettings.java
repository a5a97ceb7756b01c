package org.jijinan.backup;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Scheduled backups of an embedded installation.
 *
 * @param schedule when to back up (a cron expression; default every day at 02:30)
 * @param folder where the backups go, one folder each: best a mounted network share, never only the data disk
 * @param retention how many successful backups to keep; older ones are removed after a new one succeeds
 * @param passphrase the county's backup passphrase ({@code JIJINAN_BACKUP_PASSPHRASE}); without it nothing is backed
 * up, and administrators are told
 * @param overdueAfter how long without a successful backup before administrators are warned
 */
@ConfigurationProperties("jijinan.backup")
@Validated
record BackupSettings(@DefaultValue("0 30 2 * * *") @NotNull String schedule, @NotNull Path folder,
		@DefaultValue("7") @Min(1) @Max(1000) int retention, @Nullable String passphrase,
		@DefaultValue("P1DT2H") @NotNull Duration overdueAfter) {

	boolean configured() {
		return passphrase != null && !passphrase.isBlank();
	}

}
