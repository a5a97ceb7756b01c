package org.jijinan.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jijinan.backup.Manifest.Part;

/**
 * The folders the platform keeps files in (attachments, case photos, pilot documents, roster imports), copied file by
 * file into {@code files/<folder>/}. Taken after the database snapshot: every file a row of the snapshot names was
 * written before that row committed, so it is there; files written later are copied without a row and do no harm.
 * Uploads still being written ({@code *.part}) are left out.
 */
final class FolderCopy {

	static final String ROOT = "files/";

	private FolderCopy() {
	}

	static List<Part> copy(String folder, Path source, Path root) throws IOException {
		List<Part> parts = new ArrayList<>();
		if (!Files.isDirectory(source)) {
			return parts;
		}
		for (Path file : files(source)) {
			String path = ROOT + folder + "/" + relative(source, file);
			Parts.Writing out = new Parts.Writing(root, path);
			try (out; InputStream in = Files.newInputStream(file)) {
				in.transferTo(out);
			}
			parts.add(out.part());
		}
		return parts;
	}

	/**
	 * @return whether the folder holds no file
	 */
	static boolean empty(Path folder) throws IOException {
		return !Files.isDirectory(folder) || files(folder).isEmpty();
	}

	/**
	 * Puts the backup's files of one folder back (into an empty folder).
	 */
	static int restore(String folder, List<Part> parts, Path root, Path target) throws IOException {
		String prefix = ROOT + folder + "/";
		int restored = 0;
		for (Part part : parts) {
			if (!part.path().startsWith(prefix)) {
				continue;
			}
			Path file = target.resolve(part.path().substring(prefix.length())).normalize();
			if (!file.startsWith(target.normalize())) {
				throw new BackupRefused("The manifest names a file outside its folder: " + part.path());
			}
			Files.createDirectories(file.getParent());
			Files.copy(Parts.resolve(root, part.path()), file, StandardCopyOption.COPY_ATTRIBUTES);
			restored++;
		}
		return restored;
	}

	private static List<Path> files(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().endsWith(".part"))
				.sorted()
				.toList();
		}
	}

	private static String relative(Path folder, Path file) {
		return folder.relativize(file).toString().replace(java.io.File.separatorChar, '/');
	}

}
