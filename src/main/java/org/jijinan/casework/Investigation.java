package org.jijinan.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.intake.HardshipCause;
import org.jijinan.identity.StaffDirectory;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DocumentFiles;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The investigation of a case (调查核实): household visits by at least two staff, each of whom confirms the record;
 * the economic-status check with the family's authorisation, reusing a report of the household that is still
 * valid; the democratic evaluation; the public notice, generated without personal identifiers, and its objections.
 */
@Service
public class Investigation {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final CaseDesk cases;

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final IntakeDesk intake;

	private final CaseworkSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final StaffDirectory directory;

	Investigation(CaseDesk cases, JdbcClient jdbc, RegionDirectory regions, IntakeDesk intake,
			CaseworkSettings settings, ApplicationEventPublisher events, Clock clock, StaffDirectory directory) {
		this.directory = directory;
		this.cases = cases;
		this.jdbc = jdbc;
		this.regions = regions;
		this.intake = intake;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return what has been recorded, to staff who may see the case
	 */
	@Transactional(readOnly = true)
	public InvestigationView of(String caseNumber, Caller caller) {
		return view(cases.visible(caseNumber, caller).id());
	}

	/**
	 * Records a household visit; the recorder is one of the visitors and confirms by recording.
	 */
	@Transactional
	public InvestigationView recordVisit(String caseNumber, @Nullable LocalDate visitedOn, List<String> visitors,
			@Nullable String findings, Caller caller) {
		Case found = investigated(caseNumber, caller);
		LocalDate day = pastOrToday(visitedOn);
		String text = WrittenText.required(findings, 4, 4000, "casework.findings-required");
		Set<String> team = new LinkedHashSet<>();
		team.add(caller.name());
		visitors.stream().map(name -> WrittenText.optional(name, 100)).filter(name -> !name.isEmpty()).forEach(team::add);
		if (team.size() < 2) {
			throw new RuleViolation("casework.two-visitors-required");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				insert into casework_visit (id, case_id, visited_on, findings, recorded_by, recorded_at)
				values (:id, :caseId, :day, :findings, :by, :now)""")
			.param("id", id)
			.param("caseId", found.id())
			.param("day", day)
			.param("findings", text)
			.param("by", caller.name())
			.param("now", Timestamp.from(now))
			.update();
		for (String visitor : team) {
			jdbc.sql("insert into casework_visit_visitor (visit_id, visitor, confirmed_at) values (:id, :visitor, :at)")
				.param("id", id)
				.param("visitor", visitor)
				.param("at", visitor.equals(caller.name()) ? Timestamp.from(now) : null)
				.update();
		}
		recorded(caseNumber, "VISIT_RECORDED", caller, String.join("、",
				team.stream().map(visitor -> directory.displayName(visitor).orElse(visitor)).toList()));
		return view(found.id());
	}

	/**
	 * A visitor confirms the visit record.
	 */
	@Transactional
	public InvestigationView confirmVisit(String caseNumber, UUID visitId, Caller caller) {
		Case found = cases.visible(caseNumber, caller);
		int updated = jdbc.sql("""
				update casework_visit_visitor v set confirmed_at = :now
				  from casework_visit visit
				 where v.visit_id = visit.id and visit.case_id = :caseId and v.visit_id = :visitId
				   and v.visitor = :me and v.confirmed_at is null""")
			.param("now", Timestamp.from(clock.instant()))
			.param("caseId", found.id())
			.param("visitId", visitId)
			.param("me", caller.name())
			.update();
		if (updated == 0) {
			boolean listed = jdbc.sql("""
					select count(*) from casework_visit_visitor v join casework_visit visit on visit.id = v.visit_id
					 where visit.case_id = :caseId and v.visit_id = :visitId and v.visitor = :me""")
				.param("caseId", found.id())
				.param("visitId", visitId)
				.param("me", caller.name())
				.query(Long.class)
				.single() > 0;
			throw listed ? new Conflict("casework.visit-already-confirmed") : new Forbidden("casework.not-a-visitor");
		}
		recorded(caseNumber, "VISIT_CONFIRMED", caller,
				directory.displayName(caller.name()).orElse(caller.name()));
		return view(found.id());
	}

	/**
	 * Adds a photo to a visit: by one of its visitors or a case handler; JPEG or PNG only, recognised by content.
	 */
	@Transactional
	public InvestigationView.Photo addPhoto(String caseNumber, UUID visitId, @Nullable String fileName,
			java.io.InputStream content, Caller caller) {
		Case found = cases.visible(caseNumber, caller);
		List<String> visitors = jdbc.sql("""
				select v.visitor from casework_visit_visitor v join casework_visit visit on visit.id = v.visit_id
				 where visit.case_id = :caseId and visit.id = :visitId for update of visit""")
			.param("caseId", found.id())
			.param("visitId", visitId)
			.query(String.class)
			.list();
		if (visitors.isEmpty()) {
			throw new NotFound("casework.visit-not-found");
		}
		if (!visitors.contains(caller.name()) && caller.roles().stream().noneMatch(CaseDesk.HANDLERS::contains)) {
			throw new Forbidden("casework.not-a-visitor");
		}
		long count = jdbc.sql("select count(*) from casework_visit_photo where visit_id = :visitId")
			.param("visitId", visitId)
			.query(Long.class)
			.single();
		if (count >= settings.photosPerVisit()) {
			throw new RuleViolation("casework.too-many-photos", settings.photosPerVisit());
		}
		UUID id = UUID.randomUUID();
		DocumentFiles.Kept kept = DocumentFiles.keep(settings.photoDirectory(), id, fileName, content,
				settings.photoMaxBytes(), DocumentFiles.PICTURES, "casework.photo");
		jdbc.sql("""
				insert into casework_visit_photo (id, visit_id, file_name, content_type, size_bytes, sha256, uploaded_by,
				                                  uploaded_at)
				values (:id, :visitId, :name, :type, :size, :sha, :by, :now)""")
			.param("id", id)
			.param("visitId", visitId)
			.param("name", kept.fileName())
			.param("type", kept.contentType())
			.param("size", kept.size())
			.param("sha", kept.sha256())
			.param("by", caller.name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		recorded(caseNumber, "PHOTO_ADDED", caller, kept.contentType());
		return new InvestigationView.Photo(id, kept.fileName(), kept.contentType(), kept.size());
	}

	/**
	 * Writes a visit photo's content, after checking that the caller may see the case.
	 * @return what it is, for the response headers
	 */
	@Transactional(readOnly = true)
	public InvestigationView.Photo photo(String caseNumber, UUID photoId, Caller caller, java.io.OutputStream out) {
		Case found = cases.visible(caseNumber, caller);
		InvestigationView.Photo photo = jdbc.sql("""
				select p.id, p.file_name, p.content_type, p.size_bytes from casework_visit_photo p
				  join casework_visit visit on visit.id = p.visit_id where p.id = :id and visit.case_id = :caseId""")
			.param("id", photoId)
			.param("caseId", found.id())
			.query((row, n) -> new InvestigationView.Photo(row.getObject(1, UUID.class), row.getString(2),
					row.getString(3), row.getLong(4)))
			.optional()
			.orElseThrow(() -> new NotFound("casework.photo-not-found"));
		DocumentFiles.copy(settings.photoDirectory(), photoId, out);
		return photo;
	}

	/**
	 * Records the family's authorisation and requests the economic-status check, or reuses a report of the same
	 * household that is still valid.
	 */
	@Transactional
	public InvestigationView requestCheck(String caseNumber, @Nullable LocalDate authorisedOn,
			@Nullable String authorisationNote, Caller caller) {
		Case found = investigated(caseNumber, caller);
		LocalDate day = pastOrToday(authorisedOn);
		String note = WrittenText.required(authorisationNote, 4, 500, "casework.authorisation-required");
		String household = householdKey(found);
		LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY));
		var valid = jdbc.sql("""
				select id, report_date, valid_until, summary from casework_economic_check
				 where household_key = :household and report_date is not null and valid_until >= :today
				 order by report_date desc limit 1""")
			.param("household", household)
			.param("today", today)
			.query((row, n) -> new Object[] { row.getObject(1, UUID.class), row.getObject(2, LocalDate.class),
					row.getObject(3, LocalDate.class), row.getString(4) })
			.optional();
		jdbc.sql("""
				insert into casework_economic_check (id, case_id, household_key, authorised_on, authorisation_note,
				                                     requested_by, requested_at, report_date, valid_until, summary,
				                                     reused_from)
				values (:id, :caseId, :household, :day, :note, :by, :now, :reportDate, :validUntil, :summary, :reused)""")
			.param("id", UUID.randomUUID())
			.param("caseId", found.id())
			.param("household", household)
			.param("day", day)
			.param("note", note)
			.param("by", caller.name())
			.param("now", Timestamp.from(clock.instant()))
			.param("reportDate", valid.map(row -> row[1]).orElse(null))
			.param("validUntil", valid.map(row -> row[2]).orElse(null))
			.param("summary", valid.map(row -> row[3]).orElse(null))
			.param("reused", valid.map(row -> row[0]).orElse(null))
			.update();
		recorded(caseNumber, valid.isPresent() ? "CHECK_REUSED" : "CHECK_REQUESTED", caller, "");
		return view(found.id());
	}

	/**
	 * Records the report of a requested check.
	 */
	@Transactional
	public InvestigationView recordReport(String caseNumber, UUID checkId, @Nullable LocalDate reportDate,
			@Nullable LocalDate validUntil, @Nullable String summary, Caller caller) {
		Case found = investigated(caseNumber, caller);
		LocalDate dated = pastOrToday(reportDate);
		if (validUntil == null || validUntil.isBefore(dated)) {
			throw new InvalidInput("casework.report-validity-invalid");
		}
		String text = WrittenText.required(summary, 4, 2000, "casework.report-summary-required");
		int updated = jdbc.sql("""
				update casework_economic_check set report_date = :dated, valid_until = :validUntil, summary = :summary
				 where id = :id and case_id = :caseId and report_date is null""")
			.param("dated", dated)
			.param("validUntil", validUntil)
			.param("summary", text)
			.param("id", checkId)
			.param("caseId", found.id())
			.update();
		if (updated == 0) {
			throw new Conflict("casework.report-already-recorded");
		}
		recorded(caseNumber, "CHECK_REPORTED", caller, "");
		return view(found.id());
	}

	/**
	 * Records a democratic evaluation.
	 */
	@Transactional
	public InvestigationView recordEvaluation(String caseNumber, @Nullable LocalDate heldOn, int participants,
			@Nullable String outcome, @Nullable String notes, Caller caller) {
		Case found = investigated(caseNumber, caller);
		LocalDate day = pastOrToday(heldOn);
		if (participants < 1 || participants > 1000) {
			throw new InvalidInput("casework.participants-invalid");
		}
		if (!"AGREED".equals(outcome) && !"DISAGREED".equals(outcome)) {
			throw new InvalidInput("casework.outcome-invalid");
		}
		jdbc.sql("""
				insert into casework_evaluation (id, case_id, held_on, participants, outcome, notes, recorded_by,
				                                 recorded_at)
				values (:id, :caseId, :day, :participants, :outcome, :notes, :by, :now)""")
			.param("id", UUID.randomUUID())
			.param("caseId", found.id())
			.param("day", day)
			.param("participants", participants)
			.param("outcome", outcome)
			.param("notes", WrittenText.optional(notes, 2000))
			.param("by", caller.name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		recorded(caseNumber, "EVALUATION_HELD", caller, outcome);
		return view(found.id());
	}

	/**
	 * Posts the public notice for the county's minimum period or longer.
	 */
	@Transactional
	public InvestigationView postNotice(String caseNumber, @Nullable Integer days, Caller caller) {
		Case found = investigated(caseNumber, caller);
		int period = days == null ? settings.noticeDays() : days;
		if (period < settings.noticeDays() || period > 60) {
			throw new InvalidInput("casework.notice-period-invalid", settings.noticeDays());
		}
		LocalDate from = LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY));
		LocalDate until = from.plusDays(period - 1L);
		jdbc.sql("""
				insert into casework_notice (id, case_id, text, posted_from, posted_until, posted_by, posted_at)
				values (:id, :caseId, :text, :from, :until, :by, :now)""")
			.param("id", UUID.randomUUID())
			.param("caseId", found.id())
			.param("text", noticeText(found.view(), from, until))
			.param("from", from)
			.param("until", until)
			.param("by", caller.name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		recorded(caseNumber, "NOTICE_POSTED", caller, from + "–" + until);
		return view(found.id());
	}

	/**
	 * Records an objection to a notice.
	 */
	@Transactional
	public InvestigationView recordObjection(String caseNumber, UUID noticeId, @Nullable LocalDate receivedOn,
			@Nullable String summary, Caller caller) {
		Case found = investigated(caseNumber, caller);
		LocalDate day = pastOrToday(receivedOn);
		String text = WrittenText.required(summary, 4, 2000, "casework.objection-required");
		long notices = jdbc.sql("select count(*) from casework_notice where id = :id and case_id = :caseId")
			.param("id", noticeId)
			.param("caseId", found.id())
			.query(Long.class)
			.single();
		if (notices == 0) {
			throw new NotFound("casework.notice-not-found");
		}
		jdbc.sql("""
				insert into casework_notice_objection (id, notice_id, received_on, summary, recorded_by, recorded_at)
				values (:id, :notice, :day, :summary, :by, :now)""")
			.param("id", UUID.randomUUID())
			.param("notice", noticeId)
			.param("day", day)
			.param("summary", text)
			.param("by", caller.name())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		recorded(caseNumber, "OBJECTION_RECEIVED", caller, "");
		return view(found.id());
	}

	/**
	 * The notice names the township, the family by surname only, the causes and the period; never an ID number, a
	 * phone, a bank account, an address or a diagnosis.
	 */
	private String noticeText(CaseView found, LocalDate from, LocalDate until) {
		String township = regions.find(found.township()).map(division -> division.name()).orElse("");
		String family = found.subjectName() == null || found.subjectName().isBlank() ? "该"
				: found.subjectName().strip().substring(0, 1) + "某";
		Map<String, String> names = intake.causes()
			.stream()
			.collect(Collectors.toMap(HardshipCause::code, HardshipCause::chineseName));
		String causes = found.causes().stream().map(code -> names.getOrDefault(code, "其他")).collect(Collectors.joining("、"));
		return "公示：" + township + "受理的" + family + "家庭临时救助申请（个案 " + found.number() + "），困难原因：" + causes
				+ "。经入户调查，拟按规定给予临时救助，现予公示。公示期自" + DAY.format(from) + "至" + DAY.format(until)
				+ "。如有异议，请向" + township + "反映，或拨打社会救助热线 " + intake.hotlineNumber() + "。";
	}

	private InvestigationView view(UUID caseId) {
		Map<UUID, List<InvestigationView.Confirmation>> confirmations = new LinkedHashMap<>();
		jdbc.sql("""
				select v.visit_id, v.visitor, v.confirmed_at from casework_visit_visitor v
				  join casework_visit visit on visit.id = v.visit_id where visit.case_id = :caseId order by v.visitor""")
			.param("caseId", caseId)
			.query((row, n) -> {
				confirmations.computeIfAbsent(row.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
					.add(new InvestigationView.Confirmation(row.getString(2),
							row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant()));
				return n;
			})
			.list();
		Map<UUID, List<InvestigationView.Photo>> photos = new LinkedHashMap<>();
		jdbc.sql("""
				select p.visit_id, p.id, p.file_name, p.content_type, p.size_bytes from casework_visit_photo p
				  join casework_visit visit on visit.id = p.visit_id where visit.case_id = :caseId order by p.uploaded_at""")
			.param("caseId", caseId)
			.query((row, n) -> photos.computeIfAbsent(row.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
				.add(new InvestigationView.Photo(row.getObject(2, UUID.class), row.getString(3), row.getString(4),
						row.getLong(5))))
			.list();
		var visits = jdbc.sql("""
				select id, visited_on, findings, recorded_by from casework_visit where case_id = :caseId
				 order by recorded_at""")
			.param("caseId", caseId)
			.query((row, n) -> new InvestigationView.Visit(row.getObject(1, UUID.class),
					row.getObject(2, LocalDate.class), row.getString(3), row.getString(4),
					confirmations.getOrDefault(row.getObject(1, UUID.class), List.of()),
					photos.getOrDefault(row.getObject(1, UUID.class), List.of())))
			.list();
		var checks = jdbc.sql("""
				select id, authorised_on, authorisation_note, requested_by, report_date, valid_until, summary, reused_from
				  from casework_economic_check where case_id = :caseId order by requested_at""")
			.param("caseId", caseId)
			.query((row, n) -> new InvestigationView.Check(row.getObject(1, UUID.class),
					row.getObject(2, LocalDate.class), row.getString(3), row.getString(4),
					row.getObject(5, LocalDate.class), row.getObject(6, LocalDate.class), row.getString(7),
					row.getObject(8, UUID.class)))
			.list();
		var evaluations = jdbc.sql("""
				select held_on, participants, outcome, notes from casework_evaluation where case_id = :caseId
				 order by recorded_at""")
			.param("caseId", caseId)
			.query((row, n) -> new InvestigationView.Evaluation(row.getObject(1, LocalDate.class), row.getInt(2),
					row.getString(3), row.getString(4)))
			.list();
		var notices = jdbc.sql("""
				select n.id, n.text, n.posted_from, n.posted_until,
				       coalesce(array_agg(o.summary order by o.recorded_at) filter (where o.id is not null), '{}')
				  from casework_notice n left join casework_notice_objection o on o.notice_id = n.id
				 where n.case_id = :caseId group by n.id order by n.posted_at""")
			.param("caseId", caseId)
			.query((row, n) -> new InvestigationView.Notice(row.getObject(1, UUID.class), row.getString(2),
					row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class),
					List.of((String[]) row.getArray(5).getArray())))
			.list();
		return new InvestigationView(visits, checks, evaluations, notices);
	}

	private Case investigated(String caseNumber, Caller caller) {
		Case found = cases.handled(caseNumber, caller);
		if (!found.view().status().open()) {
			throw new RuleViolation("casework.case-closed", caseNumber);
		}
		return found;
	}

	private static String householdKey(Case found) {
		CaseView view = found.view();
		if (view.householdId() != null) {
			return "household:" + view.householdId();
		}
		return view.personId() != null ? "person:" + view.personId() : "case:" + found.id();
	}

	private LocalDate pastOrToday(@Nullable LocalDate day) {
		if (day == null || day.isAfter(LocalDate.now(clock.withZone(WorkingDayCalendar.COUNTY)))) {
			throw new InvalidInput("casework.date-invalid");
		}
		return day;
	}

	private void recorded(String caseNumber, String what, Caller caller, String detail) {
		events.publishEvent(new InvestigationRecorded(caseNumber, what, caller.name(), clock.instant(), detail));
	}

}
