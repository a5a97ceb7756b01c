package org.jijinan.pilot;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DocumentFiles;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pilot in a county (试点管理): its phases with validated dates, each township's readiness checklist, and the
 * townships' policy documents. The county's civil-affairs staff and leaders keep the phases; township staff keep
 * their own township's checklist and documents.
 */
@Service
public class Pilot {

	/** What a township must have in place. */
	public enum Item {
		/** 乡镇“救急难”受理窗口已设立. */
		WINDOW_SET_UP,
		/** 求助热线已开通. */
		HOTLINE_OPEN,
		/** 实施方案已报备. */
		PLAN_FILED,
		/** 县级联系领导已明确. */
		LIAISON_ASSIGNED
	}

	static final Set<String> COUNTY_KEEPERS = Set.of("ADMINISTRATOR", "COUNTY_REVIEWER", "COUNTY_APPROVER", "LEADER");

	static final Set<String> TOWNSHIP_KEEPERS = Set.of("ADMINISTRATOR", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER");

	static final Set<String> READERS = Set.of("ADMINISTRATOR", "COUNTY_REVIEWER", "COUNTY_APPROVER", "LEADER",
			"SUPERVISOR", "TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final long MAX_DOCUMENT = 20L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final PilotSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PilotOrganisation organisation;

	Pilot(JdbcClient jdbc, RegionDirectory regions, PilotSettings settings, ApplicationEventPublisher events,
			Clock clock, PilotOrganisation organisation) {
		this.organisation = organisation;
		this.jdbc = jdbc;
		this.regions = regions;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Adds a phase in the caller's county.
	 * @throws InvalidInput {@code pilot.date-invalid} for a day that does not exist (such as 2015-02-31)
	 */
	@Transactional
	public Phase addPhase(@Nullable String name, @Nullable String startsOn, @Nullable String endsOn,
			@Nullable String goal, Caller caller) {
		DivisionCode county = county(caller);
		String title = name == null ? "" : name.strip();
		if (title.isEmpty() || title.length() > 100) {
			throw new InvalidInput("pilot.phase-name-invalid");
		}
		LocalDate starts = day(startsOn);
		LocalDate ends = day(endsOn);
		if (ends.isBefore(starts)) {
			throw new InvalidInput("pilot.phase-reversed");
		}
		if (goal != null && goal.length() > 1000) {
			throw new InvalidInput("pilot.goal-too-long");
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into pilot_phase (id, county, name, starts_on, ends_on, goal, created_by, created_at)
					values (:id, :county, :name, :starts, :ends, :goal, :by, :at)""")
				.param("id", id)
				.param("county", county.value())
				.param("name", title)
				.param("starts", starts)
				.param("ends", ends)
				.param("goal", goal == null || goal.isBlank() ? null : goal.strip())
				.param("by", caller.name())
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DataIntegrityViolationException overlapping) {
			throw new RuleViolation("pilot.phase-overlap");
		}
		events.publishEvent(new PilotChanged("pilot.phase-added", id.toString(), caller.name(),
				Map.of("name", title, "starts", starts.toString(), "ends", ends.toString())));
		return new Phase(id, title, starts, ends, goal == null || goal.isBlank() ? null : goal.strip());
	}

	/**
	 * Starts a new pilot in the caller's county on the plan's calendar (实施方案·工作步骤), anchored on its first day:
	 * 准备动员 to the 34th day, 试点实施 to the end of the fourth month after the start (the plan's "2月31日" is the
	 * month's last day), 交流推进 the next month, 总结推广 the two after. The mobilisation (notice and meeting) is owed
	 * by the 8th day and each township's implementation plan by the 25th — for a pilot starting on 10-08, the plan's
	 * 10-15 and 11-01 — each moved to the next working day when it falls on a rest day, and watched by supervision.
	 * @return the phases
	 */
	@Transactional
	public List<Phase> start(@Nullable String startsOn, Caller caller) {
		DivisionCode county = county(caller);
		LocalDate start = day(startsOn);
		if (jdbc.sql("select count(*) from pilot_phase where county = :county")
			.param("county", county.value())
			.query(Long.class)
			.single() > 0) {
			throw new org.jijinan.shared.Conflict("pilot.phases-exist");
		}
		LocalDate preparedBy = start.plusDays(33);
		java.time.YearMonth lastOfImplementation = java.time.YearMonth.from(start).plusMonths(4);
		List<Phase> phases = List.of(
				addPhase("准备动员阶段", start.toString(), preparedBy.toString(),
						"下发试点通知和方案，召开动员部署会议；成立领导小组，督促各乡镇成立组织领导机构、完成实施方案；开展前期宣传。",
						caller),
				addPhase("试点实施阶段", preparedBy.plusDays(1).toString(),
						lastOfImplementation.atEndOfMonth().toString(),
						"健全临时救助、医疗救助政策；建立“一门受理、协同办理”机制；明确受理方式、分办转办流程和时限；设立受理窗口、开通热线。",
						caller),
				addPhase("交流推进阶段", lastOfImplementation.plusMonths(1).atDay(1).toString(),
						lastOfImplementation.plusMonths(1).atEndOfMonth().toString(),
						"选定 1 至 2 个乡镇召开交流观摩会；组织各乡镇交叉学习，推广好的经验和做法。", caller),
				addPhase("总结推广阶段", lastOfImplementation.plusMonths(2).atDay(1).toString(),
						lastOfImplementation.plusMonths(3).atEndOfMonth().toString(),
						"组织试点评估，梳理各乡镇政策文件，总结经验，完成试点工作总结报告。", caller));
		organisation.owe(county, start.plusDays(7), start.plusDays(24), caller);
		return phases;
	}

	/**
	 * Ticks or unticks an item of a township's checklist.
	 */
	@Transactional
	public void setReadiness(String township, String item, boolean done, @Nullable String note, Caller caller) {
		DivisionCode code = township(township, caller, true);
		Item which = Arrays.stream(Item.values())
			.filter(known -> known.name().equals(item))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("pilot.item-unknown"));
		if (note != null && note.length() > 500) {
			throw new InvalidInput("pilot.note-too-long");
		}
		jdbc.sql("""
				insert into pilot_readiness (township, item, done, note, updated_by, updated_at)
				values (:township, :item, :done, :note, :by, :at)
				on conflict (township, item) do update set done = excluded.done, note = excluded.note,
				       updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.param("township", code.value())
			.param("item", which.name())
			.param("done", done)
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("by", caller.name())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new PilotChanged("pilot.readiness-set", code.value() + "/" + which.name(), caller.name(),
				Map.of("done", String.valueOf(done))));
		if (which == Item.PLAN_FILED && done) {
			organisation.planFiled(code, caller.name());
		}
	}

	/**
	 * Files a township's policy document (PDF or a scan as JPEG or PNG).
	 */
	@Transactional
	public Document fileDocument(String township, @Nullable String title, @Nullable String number,
			@Nullable String issuedOn, @Nullable String fileName, InputStream content, Caller caller) {
		DivisionCode code = township(township, caller, true);
		String heading = title == null ? "" : title.strip();
		if (heading.isEmpty() || heading.length() > 200) {
			throw new InvalidInput("pilot.document-title-invalid");
		}
		if (number != null && number.length() > 100) {
			throw new InvalidInput("pilot.document-number-too-long");
		}
		LocalDate issued = day(issuedOn);
		if (issued.isAfter(LocalDate.now(clock.withZone(PilotSettings.CHINA)))) {
			throw new InvalidInput("pilot.document-from-the-future");
		}
		UUID id = UUID.randomUUID();
		DocumentFiles.Kept kept = DocumentFiles.keep(settings.documentDirectory(), id, fileName, content, MAX_DOCUMENT,
				DocumentFiles.PICTURES_AND_PDF, "pilot.document");
		try {
			jdbc.sql("""
					insert into pilot_document (id, township, title, doc_number, issued_on, file_name, content_type,
					                            size_bytes, sha256, uploaded_by, uploaded_at)
					values (:id, :township, :title, :number, :issued, :file, :type, :size, :sha, :by, :at)""")
				.param("id", id)
				.param("township", code.value())
				.param("title", heading)
				.param("number", number == null || number.isBlank() ? null : number.strip())
				.param("issued", issued)
				.param("file", kept.fileName())
				.param("type", kept.contentType())
				.param("size", kept.size())
				.param("sha", kept.sha256())
				.param("by", caller.name())
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (RuntimeException failed) {
			DocumentFiles.forget(settings.documentDirectory(), id);
			throw failed;
		}
		events.publishEvent(new PilotChanged("pilot.document-filed", id.toString(), caller.name(),
				Map.of("township", code.value(), "sha256", kept.sha256())));
		return new Document(id, code.value(), heading, number, issued, kept.fileName(), kept.contentType(),
				kept.size());
	}

	/**
	 * @return the document's metadata, when the caller may read it
	 */
	@Transactional(readOnly = true)
	public Document document(UUID id, Caller caller) {
		Document found = jdbc.sql("select * from pilot_document where id = :id")
			.param("id", id)
			.query((row, n) -> new Document(row.getObject("id", UUID.class), row.getString("township"),
					row.getString("title"), row.getString("doc_number"), row.getObject("issued_on", LocalDate.class),
					row.getString("file_name"), row.getString("content_type"), row.getLong("size_bytes")))
			.optional()
			.orElseThrow(() -> new NotFound("pilot.document-unknown"));
		township(found.township(), caller, false);
		return found;
	}

	PilotSettings settings() {
		return settings;
	}

	/**
	 * @return the pilot in the caller's county as they may see it
	 */
	@Transactional(readOnly = true)
	public Overview overview(Caller caller) {
		DivisionCode scope = scope(caller, READERS);
		DivisionCode county = new DivisionCode(scope.value().substring(0, 6));
		List<Phase> phases = jdbc.sql("select * from pilot_phase where county = :county order by starts_on")
			.param("county", county.value())
			.query((row, n) -> new Phase(row.getObject("id", UUID.class), row.getString("name"),
					row.getObject("starts_on", LocalDate.class), row.getObject("ends_on", LocalDate.class),
					row.getString("goal")))
			.list();
		List<DivisionView> townships = regions.children(county)
			.stream()
			.filter(division -> division.validTo() == null && division.code().value().startsWith(scope.value()))
			.toList();
		Map<String, Map<String, ReadinessMark>> marks = jdbc.sql("""
				select township, item, done, note, updated_by, updated_at from pilot_readiness
				 where township like :scope || '%'""")
			.param("scope", scope.value())
			.query((row, n) -> new ReadinessMark(row.getString("township"), row.getString("item"),
					row.getBoolean("done"), row.getString("note"), row.getString("updated_by"),
					row.getTimestamp("updated_at").toInstant()))
			.list()
			.stream()
			.collect(Collectors.groupingBy(ReadinessMark::township,
					Collectors.toMap(ReadinessMark::item, mark -> mark)));
		List<Readiness> readiness = new ArrayList<>();
		for (DivisionView township : townships) {
			Map<String, ReadinessMark> own = marks.getOrDefault(township.code().value(), Map.of());
			readiness.add(new Readiness(township.code().value(), township.name(),
					Arrays.stream(Item.values()).map(item -> own.get(item.name())).toList()));
		}
		List<Document> documents = jdbc.sql("""
				select * from pilot_document where township like :scope || '%' order by township, issued_on desc""")
			.param("scope", scope.value())
			.query((row, n) -> new Document(row.getObject("id", UUID.class), row.getString("township"),
					row.getString("title"), row.getString("doc_number"), row.getObject("issued_on", LocalDate.class),
					row.getString("file_name"), row.getString("content_type"), row.getLong("size_bytes")))
			.list();
		String countyName = regions.find(county).map(DivisionView::name).orElse(county.value());
		return new Overview(county.value(), countyName, phases, readiness, documents);
	}

	static LocalDate day(@Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInput("pilot.date-missing");
		}
		String day = text.strip();
		try {
			return LocalDate.parse(day, DAY);
		}
		catch (DateTimeParseException notADay) {
			throw new InvalidInput("pilot.date-invalid", day.length() > 20 ? day.substring(0, 20) : day);
		}
	}

	private static DivisionCode county(Caller caller) {
		DivisionCode scope = scope(caller, union(COUNTY_KEEPERS, TOWNSHIP_KEEPERS));
		if (scope.value().length() != 6) {
			throw new Forbidden("pilot.county-only");
		}
		if (caller.roles().stream().noneMatch(COUNTY_KEEPERS::contains)) {
			throw new Forbidden("pilot.not-allowed");
		}
		return scope;
	}

	private static DivisionCode scope(Caller caller, Set<String> roles) {
		DivisionCode scope = caller.regionScope();
		if (scope == null || scope.value().length() > 9 || caller.roles().stream().noneMatch(roles::contains)) {
			throw new Forbidden("pilot.not-allowed");
		}
		return scope;
	}

	/**
	 * @param keeping whether the caller changes something (county keepers or the township's own staff)
	 */
	private DivisionCode township(String township, Caller caller, boolean keeping) {
		if (township == null || !township.matches("\\d{9}")) {
			throw new InvalidInput("pilot.township-invalid");
		}
		DivisionCode scope = scope(caller, keeping ? union(COUNTY_KEEPERS, TOWNSHIP_KEEPERS) : READERS);
		if (!township.startsWith(scope.value())) {
			throw new Forbidden("pilot.township-outside-scope");
		}
		if (keeping && scope.value().length() == 6 && caller.roles().stream().noneMatch(COUNTY_KEEPERS::contains)) {
			throw new Forbidden("pilot.not-allowed");
		}
		DivisionCode code = new DivisionCode(township);
		regions.find(code).orElseThrow(() -> new InvalidInput("pilot.township-invalid"));
		return code;
	}

	private static Set<String> union(Set<String> one, Set<String> other) {
		Set<String> both = new java.util.HashSet<>(one);
		both.addAll(other);
		return both;
	}

	/**
	 * A phase of the pilot.
	 */
	public record Phase(UUID id, String name, LocalDate startsOn, LocalDate endsOn, @Nullable String goal) {
	}

	/**
	 * An item as someone last marked it.
	 */
	public record ReadinessMark(String township, String item, boolean done, @Nullable String note, String by,
			Instant at) {
	}

	/**
	 * A township's checklist, one mark per {@link Item} in order ({@code null}: never marked).
	 */
	public record Readiness(String township, String name, List<@Nullable ReadinessMark> marks) {

		/**
		 * @return how many items are done
		 */
		public long done() {
			return marks.stream().filter(mark -> mark != null && mark.done()).count();
		}

		/**
		 * @return whether every item is done
		 */
		public boolean ready() {
			return done() == Item.values().length;
		}

	}

	/**
	 * A township's policy document.
	 */
	public record Document(UUID id, String township, String title, @Nullable String number, LocalDate issuedOn,
			String fileName, String contentType, long size) {
	}

	/**
	 * The pilot in a county.
	 */
	public record Overview(String county, String countyName, List<Phase> phases, List<Readiness> readiness,
			List<Document> documents) {

		/**
		 * @return how many townships are ready
		 */
		public long readyTownships() {
			return readiness.stream().filter(Readiness::ready).count();
		}

	}

	record PilotChanged(String auditAction, String auditSubjectId, String by, Map<String, String> auditDetails)
			implements AuditableEvent {

		@Override
		public String auditSubjectType() {
			return "pilot";
		}

		@Override
		public String auditActor() {
			return by;
		}

	}

}
