package org.jijinan.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Uploaded photos and documents kept as files outside the database rows: recognised by their first bytes (never by
 * the name or the declared type), with an extension that must match, under a size limit, written to a partial file
 * and moved into place only when complete, with its SHA-256. What is refused leaves nothing behind.
 */
public final class DocumentFiles {

	/** JPEG and PNG pictures. */
	public static final Set<String> PICTURES = Set.of("image/jpeg", "image/png");

	/** Pictures and PDF documents. */
	public static final Set<String> PICTURES_AND_PDF = Set.of("image/jpeg", "image/png", "application/pdf");

	private static final Map<String, List<String>> EXTENSIONS = Map.of("image/jpeg", List.of("jpg", "jpeg"),
			"image/png", List.of("png"), "application/pdf", List.of("pdf"));

	private DocumentFiles() {
	}

	/**
	 * Keeps an upload as {@code directory/id}.
	 * @param problems the problem-code stem: {@code <stem>-too-large} ({0}: the limit in MB) and {@code <stem>-type}
	 * @return what was kept
	 */
	public static Kept keep(Path directory, UUID id, @Nullable String fileName, InputStream content, long maxBytes,
			Set<String> allowed, String problems) {
		String name = cleanName(fileName);
		try {
			Files.createDirectories(directory);
			Path partial = Files.createTempFile(directory, "upload-", ".part");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] head = new byte[8];
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha)) {
				byte[] buffer = new byte[64 * 1024];
				for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
					if (size < head.length) {
						System.arraycopy(buffer, 0, head, (int) size, (int) Math.min(read, head.length - size));
					}
					size += read;
					if (size > maxBytes) {
						out.close();
						delete(partial);
						throw new RuleViolation(problems + "-too-large", maxBytes / 1048576);
					}
					out.write(buffer, 0, read);
				}
			}
			String type = size == 0 ? null : type(head);
			if (type == null || !allowed.contains(type) || !EXTENSIONS.get(type).contains(extension(name))) {
				delete(partial);
				throw new RuleViolation(problems + "-type");
			}
			Files.move(partial, directory.resolve(id.toString()), StandardCopyOption.ATOMIC_MOVE);
			return new Kept(name, type, size, HexFormat.of().formatHex(sha.digest()));
		}
		catch (IOException | NoSuchAlgorithmException failed) {
			throw new IllegalStateException("Could not keep the upload", failed);
		}
	}

	/**
	 * Writes a kept file's content.
	 */
	public static void copy(Path directory, UUID id, OutputStream out) {
		try {
			Files.copy(directory.resolve(id.toString()), out);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	/**
	 * Removes a kept file (when the row that names it is not written after all).
	 */
	public static void forget(Path directory, UUID id) {
		delete(directory.resolve(id.toString()));
	}

	private static @Nullable String type(byte[] head) {
		if ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		if ((head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
			return "image/png";
		}
		if (head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
			return "application/pdf";
		}
		return null;
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static String cleanName(@Nullable String fileName) {
		String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName().toString();
		name = name.replaceAll("[\\p{Cntrl}\"\\\\/]", "_");
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// a leftover partial upload is harmless
		}
	}

	/**
	 * A kept upload.
	 *
	 * @param fileName the name it was uploaded with, cleaned
	 * @param contentType what it is, recognised from its content
	 * @param size its size in bytes
	 * @param sha256 its SHA-256, hex
	 */
	public record Kept(String fileName, String contentType, long size, String sha256) {
	}

}
