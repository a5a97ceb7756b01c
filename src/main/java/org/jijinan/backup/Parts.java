package org.jijinan.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.jijinan.backup.Manifest.Part;
import org.jijinan.shared.Digests;

/**
 * Writing and checking the files of a backup: each is written once (never over an existing file), measured and hashed
 * as it is written, and checked again by reading it back.
 */
final class Parts {

	private Parts() {
	}

	/**
	 * A file being written into the backup folder.
	 */
	static final class Writing extends FilterOutputStream {

		private final String path;

		private final MessageDigest sha = Digests.sha256Digest();

		private long bytes;

		Writing(Path root, String path) throws IOException {
			super(open(root, path));
			this.path = path;
		}

		private static OutputStream open(Path root, String path) throws IOException {
			Path file = resolve(root, path);
			Files.createDirectories(file.getParent());
			return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}

		@Override
		public void write(int b) throws IOException {
			out.write(b);
			sha.update((byte) b);
			bytes++;
		}

		@Override
		public void write(byte[] buffer, int offset, int length) throws IOException {
			out.write(buffer, offset, length);
			sha.update(buffer, offset, length);
			bytes += length;
		}

		/** Only after {@link #close()}. */
		Part part() {
			return new Part(path, bytes, HexFormat.of().formatHex(sha.digest()));
		}

	}

	/**
	 * @return the part's file, which must lie inside the backup folder
	 * @throws BackupRefused when the path leads outside it (an altered manifest)
	 */
	static Path resolve(Path root, String path) {
		Path file = root.resolve(path).normalize();
		if (path.isBlank() || !file.startsWith(root.normalize()) || file.equals(root.normalize())) {
			throw new BackupRefused("The manifest names a part outside the backup folder: " + path);
		}
		return file;
	}

	/**
	 * Reads a part back.
	 * @throws BackupRefused when it is missing, of another size or has another hash
	 */
	static void check(Path root, Part part) {
		Path file = resolve(root, part.path());
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), Digests.sha256Digest())) {
			MessageDigest sha = ((DigestInputStream) in).getMessageDigest();
			long bytes = in.transferTo(OutputStream.nullOutputStream());
			if (bytes != part.bytes()) {
				throw new BackupRefused("Part " + part.path() + " has " + bytes + " bytes, the manifest says "
						+ part.bytes() + ": the backup is truncated or altered (备份不完整或已被改动)");
			}
			if (!HexFormat.of().formatHex(sha.digest()).equals(part.sha256())) {
				throw new BackupRefused("Part " + part.path()
						+ " does not match its SHA-256 in the manifest: the backup is altered (备份已被改动)");
			}
		}
		catch (NoSuchFileException missing) {
			throw new BackupRefused("Part " + part.path() + " named in the manifest is missing (备份缺少文件)");
		}
		catch (IOException unreadable) {
			throw new BackupRefused("Part " + part.path() + " cannot be read: " + unreadable.getMessage(), unreadable);
		}
	}

}
