package org.jijinan.complaints;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals against decisions (复议、诉讼, Order 649 art. 65): the county records that an administrative review or
 * lawsuit was filed against a case's decision — the body hearing it, its reference, when it must be decided (sixty
 * days for a review, six months for a first-instance lawsuit) — and its outcome. A decision changed or revoked sends
 * the case back to decision naming the ruling; the corrected decision then passes review and approval by others as
 * every decision does.
 */
@Service
public class Appeals {

	/** Who records appeals and their outcomes: the county's reviewers, approvers, leaders and supervisors. */
	static final Set<String> RECORDERS = Set.of("COUNTY_REVIEWER", "COUNTY_APPROVER", "LEADER", "SUPERVISOR");

	private final JdbcClient jdbc;

	private final CaseDesk cases;

	private final RegionDirectory regions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Appeals(JdbcClient jdbc, CaseDesk cases, RegionDirectory regions, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records an appeal filed against a case's decision.
	 * @param kind {@code REVIEW} or {@code LAWSUIT}
	 */
	@Transactional
	public AppealView record(String caseNumber, @Nullable String kind, @Nullable String body,
			@Nullable String reference, @Nullable LocalDate filedOn, Caller caller) {
		CaseView found = cases.find(caseNumber, caller);
		recorder(caller);
		Kind appeal = kind(kind);
		String hearing = WrittenText.required(body, 2, 100, "complaints.appeal-body-required");
		String ref = WrittenText.required(reference, 2, 60, "complaints.appeal-reference-required");
		LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.COUNTY);
		if (filedOn == null || filedOn.isAfter(today)) {
			throw new InvalidInput("complaints.appeal-filed-on-invalid");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into complaints_appeal (id, case_number, county_path, kind, body, reference, filed_on,
					                               decide_by, recorded_by, recorded_at)
					values (:id, :caseNumber, :county, :kind, :body, :reference, :filedOn, :decideBy, :by, :at)""")
				.param("id", id)
				.param("caseNumber", found.number())
				.param("county", county(regions.path(found.township())))
				.param("kind", appeal.name())
				.param("body", hearing)
				.param("reference", ref)
				.param("filedOn", Date.valueOf(filedOn))
				.param("decideBy", Date.valueOf(appeal.decideBy(filedOn)))
				.param("by", caller.name())
				.param("at", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException again) {
			throw new Conflict("complaints.appeal-recorded-already", ref);
		}
		events.publishEvent(new AppealRecorded(id, found.number(), appeal.name(), ref, null, caller.name(), now));
		return find(id);
	}

	/**
	 * Records the outcome; a decision changed or revoked sends the case back to decision, naming the ruling.
	 * @param outcome {@code UPHELD}, {@code CHANGED} or {@code REVOKED}
	 */
	@Transactional
	public AppealView decide(UUID id, @Nullable String outcome, @Nullable LocalDate decidedOn, @Nullable String summary,
			Caller caller) {
		AppealView appeal = visible(id, caller);
		recorder(caller);
		Outcome decided = outcome(outcome);
		LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.COUNTY);
		if (decidedOn == null || decidedOn.isAfter(today) || decidedOn.isBefore(appeal.filedOn())) {
			throw new InvalidInput("complaints.appeal-decided-on-invalid");
		}
		String said = WrittenText.required(summary, 4, 1000, "complaints.appeal-summary-required");
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				update complaints_appeal set outcome = :outcome, decided_on = :decidedOn, summary = :summary,
				       outcome_by = :by, outcome_at = :at, version = version + 1
				 where id = :id and outcome is null""")
			.param("outcome", decided.name())
			.param("decidedOn", Date.valueOf(decidedOn))
			.param("summary", said)
			.param("by", caller.name())
			.param("at", Timestamp.from(now))
			.param("id", id)
			.update();
		if (changed == 0) {
			throw new Conflict("complaints.appeal-decided-already");
		}
		if (decided != Outcome.UPHELD) {
			cases.reopen(appeal.caseNumber(), (appeal.kind() == Kind.REVIEW ? "行政复议决定 " : "行政判决 ")
					+ appeal.reference() + (decided == Outcome.CHANGED ? " 变更原决定" : " 撤销原决定"), caller);
		}
		events.publishEvent(new AppealRecorded(id, appeal.caseNumber(), appeal.kind().name(), appeal.reference(),
				decided.name(), caller.name(), now));
		return find(id);
	}

	/**
	 * @return the appeals of the caller's county, undecided first (soonest due), then the decided, newest first
	 */
	@Transactional(readOnly = true)
	public List<AppealView> inCounty(Caller caller) {
		recorder(caller);
		return jdbc.sql(SELECT + " where county_path = :county order by outcome is not null, decide_by, recorded_at desc"
				+ " limit 500")
			.param("county", countyOf(caller))
			.query((row, n) -> view(row))
			.list();
	}

	private AppealView visible(UUID id, Caller caller) {
		AppealView appeal = find(id);
		String county = jdbc.sql("select county_path from complaints_appeal where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		if (caller.regionScope() == null || !regions.path(caller.regionScope()).startsWith(county)) {
			throw new NotFound("complaints.appeal-not-found");
		}
		return appeal;
	}

	private AppealView find(UUID id) {
		return jdbc.sql(SELECT + " where id = :id")
			.param("id", id)
			.query((row, n) -> view(row))
			.optional()
			.orElseThrow(() -> new NotFound("complaints.appeal-not-found"));
	}

	private static final String SELECT = """
			select id, case_number, kind, body, reference, filed_on, decide_by, outcome, decided_on, summary,
			       recorded_by, recorded_at
			  from complaints_appeal""";

	private static AppealView view(java.sql.ResultSet row) throws java.sql.SQLException {
		return new AppealView(row.getObject(1, UUID.class), row.getString(2), Kind.valueOf(row.getString(3)),
				row.getString(4), row.getString(5), row.getDate(6).toLocalDate(), row.getDate(7).toLocalDate(),
				row.getString(8) == null ? null : Outcome.valueOf(row.getString(8)),
				row.getDate(9) == null ? null : row.getDate(9).toLocalDate(), row.getString(10), row.getString(11),
				row.getTimestamp(12).toInstant());
	}

	private static void recorder(Caller caller) {
		if (caller.regionScope() == null || caller.roles().stream().noneMatch(RECORDERS::contains)) {
			throw new Forbidden("complaints.appeals-not-allowed");
		}
	}

	private String countyOf(Caller caller) {
		return county(regions.path(java.util.Objects.requireNonNull(caller.regionScope())));
	}

	private static String county(String path) {
		String[] parts = path.split("/");
		if (parts.length < 4) {
			throw new Forbidden("complaints.appeals-not-allowed");
		}
		return "/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/";
	}

	private static Kind kind(@Nullable String given) {
		try {
			return Kind.valueOf(given == null ? "" : given.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("complaints.appeal-kind-required");
		}
	}

	private static Outcome outcome(@Nullable String given) {
		try {
			return Outcome.valueOf(given == null ? "" : given.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("complaints.appeal-outcome-required");
		}
	}

	/**
	 * The ways a decision is contested.
	 */
	public enum Kind {

		/** 行政复议: decided within sixty days of filing. */
		REVIEW,
		/** 行政诉讼: a first-instance judgment within six months of filing. */
		LAWSUIT;

		LocalDate decideBy(LocalDate filedOn) {
			return this == REVIEW ? filedOn.plusDays(60) : filedOn.plusMonths(6);
		}

	}

	/**
	 * What the hearing body decided.
	 */
	public enum Outcome {

		/** 维持. */
		UPHELD,
		/** 变更. */
		CHANGED,
		/** 撤销. */
		REVOKED

	}

	/**
	 * An appeal as the county follows it.
	 *
	 * @param id the appeal
	 * @param caseNumber the case whose decision is contested
	 * @param kind review or lawsuit
	 * @param body the body hearing it
	 * @param reference its case reference there
	 * @param filedOn when it was filed
	 * @param decideBy when it must be decided by
	 * @param outcome what was decided, once known
	 * @param decidedOn when
	 * @param summary what the ruling says
	 * @param recordedBy who recorded the appeal
	 * @param recordedAt when
	 */
	public record AppealView(UUID id, String caseNumber, Kind kind, String body, String reference, LocalDate filedOn,
			LocalDate decideBy, @Nullable Outcome outcome, @Nullable LocalDate decidedOn, @Nullable String summary,
			String recordedBy, Instant recordedAt) {
	}

}
