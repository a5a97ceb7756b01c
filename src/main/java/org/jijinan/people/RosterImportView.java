package org.jijinan.people;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import's state and counts, for the API and the progress bar.
 *
 * @param id the import
 * @param fileName the uploaded file's name
 * @param format {@code CSV} or {@code XLSX}
 * @param category the category granted, if any
 * @param status {@code RECEIVED}, {@code RUNNING}, {@code COMPLETED} or {@code REJECTED}
 * @param rowsTotal data rows in the file, once counted
 * @param rowsDone data rows processed so far (the header line not counted), at most {@code rowsTotal}
 * @param rowsAdded new persons
 * @param rowsMatched rows of persons already registered
 * @param rowsFailed rows refused (see the report)
 * @param lookalikes new persons who look like someone registered, flagged for review
 * @param households households a household roster named
 * @param rejection why the whole file was refused
 * @param createdAt when it was uploaded
 * @param finishedAt when it ended
 */
public record RosterImportView(UUID id, String fileName, String format, @Nullable String category, String status,
		@Nullable Integer rowsTotal, int rowsDone, int rowsAdded, int rowsMatched, int rowsFailed, int lookalikes,
		int households, @Nullable String rejection, Instant createdAt, @Nullable Instant finishedAt) {

	/**
	 * @return how far the import has come, 0–100
	 */
	public int percent() {
		if ("COMPLETED".equals(status) || "REJECTED".equals(status)) {
			return 100;
		}
		if (rowsTotal == null || rowsTotal == 0) {
			return 0;
		}
		return Math.min(99, (int) (100L * rowsDone / rowsTotal));
	}

	/**
	 * @return whether the import has ended
	 */
	public boolean finished() {
		return "COMPLETED".equals(status) || "REJECTED".equals(status);
	}

}
