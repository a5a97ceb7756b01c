package org.jijinan.casework;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Time limits of referred tasks (policy defaults; counties set their own).
 *
 * @param taskAcceptWorkingDays working days a receiving unit has to accept (签收) or return a task
 * @param taskDueWorkingDays working days offered by default to finish a task
 * @param taskMaxWorkingDays the longest time a referrer may give
 * @param noticeDays the shortest period a public notice (公示) is posted, in days
 * @param photoDirectory where photos of household visits are kept (shared storage when several nodes run)
 * @param photoMaxBytes the largest photo accepted
 * @param photosPerVisit how many photos a visit may have
 * @param openTasksOnClose what closing, withdrawing or transferring a case does with its unfinished tasks:
 * {@code WITHDRAW} them with the case's note as the reason the units read, or {@code REFUSE} until they are done
 */
@ConfigurationProperties("jijinan.casework")
@Validated
record CaseworkSettings(@DefaultValue("1") @Min(1) int taskAcceptWorkingDays,
		@DefaultValue("5") @Min(1) int taskDueWorkingDays, @DefaultValue("60") @Min(1) @Max(250) int taskMaxWorkingDays,
		@DefaultValue("7") @Min(1) @Max(60) int noticeDays,
		@DefaultValue("./data/case-photos") java.nio.file.Path photoDirectory,
		@DefaultValue("10485760") @Min(1) long photoMaxBytes, @DefaultValue("10") @Min(1) int photosPerVisit,
		@DefaultValue("WITHDRAW") OpenTasks openTasksOnClose) {

	/**
	 * What ending a case does with its unfinished tasks.
	 */
	enum OpenTasks {
		/** Withdraw them, with the case's note as the reason the units read. */
		WITHDRAW,
		/** Refuse to end the case while any is unfinished. */
		REFUSE
	}

}
