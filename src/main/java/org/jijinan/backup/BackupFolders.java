package org.jijinan.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.core.env.PropertyResolver;

/**
 * The folders the platform keeps files in, by their name in a backup, as the platform's settings place them.
 */
public final class BackupFolders {

	private BackupFolders() {
	}

	/**
	 * @param settings the platform's settings
	 * @return each folder by its name in a backup
	 */
	public static Map<String, Path> of(PropertyResolver settings) {
		Map<String, Path> folders = new LinkedHashMap<>();
		folders.put("attachments", Path.of(settings.getRequiredProperty("jijinan.intake.attachment-directory")));
		folders.put("case-photos", Path.of(settings.getRequiredProperty("jijinan.casework.photo-directory")));
		folders.put("pilot-documents", Path.of(settings.getRequiredProperty("jijinan.pilot.document-directory")));
		folders.put("imports", Path.of(settings.getRequiredProperty("jijinan.people.import-directory")));
		return folders;
	}

	/**
	 * Removes a folder and everything in it; nothing when it is not there.
	 */
	public static void delete(Path folder) throws IOException {
		if (!Files.exists(folder)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(folder)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
