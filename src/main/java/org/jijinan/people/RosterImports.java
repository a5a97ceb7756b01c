package org.jijinan.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.Problems;
import org.jijinan.shared.SafeCells;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Roster imports: take an upload (CSV or XLSX), keep it, and import it in the background; the same file uploaded
 * again by the same area for the same category and source is the same import. Shows progress and the report of
 * refused rows.
 */
@Service
public class RosterImports {

	static final long MAX_BYTES = 300L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final RosterJob job;

	private final PeopleScope scope;

	private final PeopleSettings settings;

	private final CategoryStandings standings;

	private final Problems problems;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	RosterImports(JdbcClient jdbc, RosterJob job, PeopleScope scope, PeopleSettings settings,
			CategoryStandings standings, Problems problems, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.job = job;
		this.scope = scope;
		this.settings = settings;
		this.standings = standings;
		this.problems = problems;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Takes an upload and starts importing it.
	 * @param category a person-held category every row is granted, or {@code null}
	 * @param source the roster's source, recorded on every standing (such as 2026年11月特困供养名册)
	 * @return the import, new or the one this file made before
	 */
	public RosterImportView submit(String fileName, InputStream content, @Nullable String category, String source,
			Caller caller) {
		return submit(fileName, content, category, source, caller, true);
	}

	RosterImportView submit(String fileName, InputStream content, @Nullable String category, String source,
			Caller caller, boolean start) {
		PeopleScope.requireRole(caller, settings.importRoles(), "people.import-not-allowed");
		String scopePath = scope.pathOf(caller);
		String checkedCategory = checkCategory(category);
		String checkedSource = checkSource(source, fileName);
		Upload upload = receive(content);
		Optional<UUID> earlier = existing(upload.sha256(), scopePath, checkedCategory, checkedSource);
		if (earlier.isPresent()) {
			deleteQuietly(upload.path());
			return view(earlier.get());
		}
		UUID id = UUID.randomUUID();
		try {
			move(upload.path(), job.stored(id, upload.format()));
			jdbc.sql("""
					insert into people_roster_import (id, file_name, file_sha256, format, category_code, source, status,
					                                  uploaded_by, scope_path, created_at)
					values (:id, :name, :sha, :format, :category, :source, 'RECEIVED', :by, :scope, :now)""")
				.param("id", id)
				.param("name", cleanName(fileName))
				.param("sha", upload.sha256())
				.param("format", upload.format())
				.param("category", checkedCategory)
				.param("source", checkedSource)
				.param("by", caller.name())
				.param("scope", scopePath)
				.param("now", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException concurrent) {
			deleteQuietly(job.stored(id, upload.format()));
			return view(existing(upload.sha256(), scopePath, checkedCategory, checkedSource).orElseThrow());
		}
		events.publishEvent(new RosterSubmitted(id, upload.sha256(), checkedCategory == null ? "" : checkedCategory));
		if (start) {
			job.start(id);
		}
		return view(id);
	}

	/**
	 * @return the import's state and counts
	 */
	public RosterImportView status(UUID id, Caller caller) {
		visible(id, caller);
		return view(id);
	}

	/**
	 * @return the caller's area's latest imports
	 */
	public List<RosterImportView> recent(Caller caller) {
		return jdbc.sql("select id from people_roster_import where scope_path like :scope || '%' "
				+ "order by created_at desc limit 20")
			.param("scope", scope.pathOf(caller))
			.query(UUID.class)
			.list()
			.stream()
			.map(this::view)
			.toList();
	}

	/**
	 * Writes the report of refused rows as CSV (UTF-8 with a byte-order mark, for Excel): row, column, reason.
	 */
	public void writeReport(UUID id, Caller caller, Locale locale, OutputStream out) {
		visible(id, caller);
		try {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			Writer writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
			writer.write(Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? "row,column,reason\r\n"
					: "行号,列,原因\r\n");
			// A stream over JDBC holds its connection until it is closed: always in try-with-resources.
			try (var lines = jdbc.sql("select row_number, column_name, code from people_roster_problem "
					+ "where import_id = :id order by row_number")
				.param("id", id)
				.withFetchSize(1000)
				.query((row, number) -> new String[] { Integer.toString(row.getInt(1)),
						row.getString(2) == null ? "" : row.getString(2), row.getString(3) })
				.stream()) {
				lines.forEach(line -> write(writer, line[0] + "," + SafeCells.csv(line[1]) + ","
						+ SafeCells.csv(problems.detail(line[2], locale)) + "\r\n"));
			}
			writer.flush();
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private static void write(Writer writer, String text) {
		try {
			writer.write(text);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private void visible(UUID id, Caller caller) {
		String path = jdbc.sql("select scope_path from people_roster_import where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFound("people.import-not-found"));
		if (!path.startsWith(scope.pathOf(caller))) {
			throw new Forbidden("people.out-of-scope");
		}
	}

	private @Nullable String checkCategory(@Nullable String category) {
		if (category == null || category.isBlank()) {
			return null;
		}
		Category known = standings.categories()
			.stream()
			.filter(c -> c.code().equals(category.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("people.unknown-category", category.strip()));
		return known.code();
	}

	private static String checkSource(@Nullable String source, String fileName) {
		String text = source == null || source.isBlank() ? cleanName(fileName) : source.strip();
		if (text.length() > 200) {
			throw new InvalidInput("people.roster-source-too-long");
		}
		return text;
	}

	private static String cleanName(String fileName) {
		String name = fileName == null || fileName.isBlank() ? "roster" : Path.of(fileName).getFileName().toString();
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	private Upload receive(InputStream content) {
		try {
			Files.createDirectories(settings.importDirectory());
			Path temporary = Files.createTempFile(settings.importDirectory(), "upload-", ".part");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = new DigestInputStream(content, sha);
					OutputStream out = Files.newOutputStream(temporary)) {
				size = in.transferTo(out);
			}
			if (size > MAX_BYTES) {
				deleteQuietly(temporary);
				throw new InvalidInput("people.roster-too-large");
			}
			if (size == 0) {
				deleteQuietly(temporary);
				throw new InvalidInput("people.roster-empty");
			}
			return new Upload(temporary, format(temporary), HexFormat.of().formatHex(sha.digest()));
		}
		catch (IOException | NoSuchAlgorithmException failed) {
			throw new IllegalStateException("Could not keep the uploaded roster", failed);
		}
	}

	private static String format(Path file) throws IOException {
		byte[] head = new byte[4];
		try (InputStream in = Files.newInputStream(file)) {
			int read = in.readNBytes(head, 0, 4);
			if (read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
				return "XLSX";
			}
			if (read == 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11) {
				deleteQuietly(file);
				throw new InvalidInput("people.roster-old-excel");
			}
		}
		return "CSV";
	}

	private Optional<UUID> existing(String sha, String scopePath, @Nullable String category, String source) {
		return jdbc.sql("""
				select id from people_roster_import
				 where file_sha256 = :sha and scope_path = :scope and coalesce(category_code, '') = :category
				   and source = :source""")
			.param("sha", sha)
			.param("scope", scopePath)
			.param("category", category == null ? "" : category)
			.param("source", source)
			.query(UUID.class)
			.optional();
	}

	RosterImportView view(UUID id) {
		return jdbc.sql("select * from people_roster_import where id = :id")
			.param("id", id)
			.query((row, number) -> new RosterImportView(id, row.getString("file_name"), row.getString("format"),
					row.getString("category_code"), row.getString("status"), (Integer) row.getObject("rows_total"),
					Math.max(0, row.getInt("rows_done") - 1), row.getInt("rows_added"), row.getInt("rows_matched"),
					row.getInt("rows_failed"), row.getInt("lookalikes"), row.getInt("households"),
					row.getString("rejection"),
					row.getTimestamp("created_at").toInstant(),
					row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant()))
			.single();
	}

	private static void move(Path from, Path to) {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException failed) {
			throw new UncheckedIOException(failed);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// a leftover temporary file is harmless
		}
	}

	private record Upload(Path path, String format, String sha256) {
	}

	/**
	 * A roster file was uploaded for import.
	 *
	 * @param importId the import
	 * @param sha256 the file's hash
	 * @param category the category its rows are granted, or empty
	 */
	public record RosterSubmitted(UUID importId, String sha256, String category) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "people.roster-submitted";
		}

		@Override
		public String auditSubjectType() {
			return "roster-import";
		}

		@Override
		public String auditSubjectId() {
			return importId.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("sha256", sha256, "category", category);
		}

	}

}
