package org.jijinan.people;

import java.nio.file.Path;

/**
 * A stored roster upload and the format its first bytes say it has.
 *
 * @param path where it is kept
 * @param format {@code CSV} or {@code XLSX}
 * @param sha256 the hash of its content
 */
record RosterFile(Path path, String format, String sha256) {

	void read(int maxRows, RowHandler handler) {
		if ("XLSX".equals(format)) {
			XlsxRoster.read(path, maxRows, handler);
		}
		else {
			CsvRoster.read(path, maxRows, handler);
		}
	}

}
