package org.jijinan.backup;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.jijinan.backup.KeyCustody.SealedKey;

/**
 * What a backup holds, written last: when it is there, every part it names was written and read back with the size
 * and SHA-256 it gives. Authenticated by an HMAC under the backup passphrase, so a restore notices an altered count,
 * table or sequence as surely as an altered part.
 *
 * @param format the layout of the backup folder (this release writes {@value #FORMAT})
 * @param createdAt when the database snapshot was taken (ISO-8601, UTC)
 * @param schemaVersion the database's migration version at the snapshot (a restore builds the schema up to it)
 * @param server the PostgreSQL server the rows were read from
 * @param parts every file of the backup but this manifest
 * @param tables each table's columns, rows and the SHA-256 of its rows as PostgreSQL copied them out
 * @param sequences the value of each sequence, so numbers are never handed out twice after a restore
 * @param key the master key, sealed under the passphrase
 * @param mac HMAC-SHA256 of the manifest without this field
 */
public record Manifest(int format, String createdAt, String schemaVersion, String server, List<Part> parts,
		List<TableContent> tables, List<SequenceValue> sequences, SealedKey key, @Nullable String mac) {

	static final int FORMAT = 1;

	static final String FILE_NAME = "manifest.json";

	Manifest withMac(@Nullable String mac) {
		return new Manifest(format, createdAt, schemaVersion, server, parts, tables, sequences, key, mac);
	}

	/**
	 * @return all rows of all tables
	 */
	public long rows() {
		return tables.stream().mapToLong(TableContent::rows).sum();
	}

	/**
	 * @return the bytes of all parts
	 */
	public long bytes() {
		return parts.stream().mapToLong(Part::bytes).sum();
	}

	/**
	 * One file of a backup.
	 *
	 * @param path relative to the backup folder, with {@code /}
	 * @param bytes its size
	 * @param sha256 its SHA-256, hex
	 */
	public record Part(String path, long bytes, String sha256) {
	}

	/**
	 * One table's rows.
	 *
	 * @param table its name
	 * @param columns the columns copied, in order (generated columns are computed again)
	 * @param rows how many rows
	 * @param sha256 SHA-256 of PostgreSQL's binary COPY of the rows, before compression
	 * @param part the part that holds them
	 */
	public record TableContent(String table, List<String> columns, long rows, String sha256, String part) {
	}

	/**
	 * @param sequence its name
	 * @param lastValue the last value handed out, or the start when {@code called} is false
	 * @param called whether any value was handed out
	 */
	public record SequenceValue(String sequence, long lastValue, boolean called) {
	}

}
