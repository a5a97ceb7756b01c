package org.jijinan.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistry;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Those who report follow through (我报告的): the requests a staff member registered, newest first, each with what
 * became of it, read from the case and aid modules through {@link RequestCases} and {@link CaseAid}. Only one's own
 * reports, whatever one's area; what a page showed counts as seen, so that the home page tells of news since.
 */
@Service
@Transactional
class MyReports {

	/** Roles whose holders report what they find and hear on their home page what came of it. */
	static final Set<String> REPORTER_ROLES = Set.of("VILLAGE_REPORTER", "DEPARTMENT_OFFICER");

	static final int PAGE_SIZE = 20;

	static final int LAST_PAGE = 10_000;

	/** How many undecided-upon reports the home page's count looks at. */
	private static final int NEWS_WINDOW = 500;

	private static final String SELECT = """
			select r.id, r.number, r.subject_name, r.person_id, r.village, r.description, r.received_at, r.status,
			       r.decided_at, r.refusal_reason, t.number as merged_into, s.outcome as seen
			  from intake_help_request r
			  left join intake_help_request t on t.number = r.merged_into and t.status = 'ACCEPTED'
			  left join intake_report_seen s on s.request_id = r.id
			 where r.owner = :owner
			""";

	private final JdbcClient jdbc;

	private final RequestCases cases;

	private final List<CaseAid> aid;

	private final PersonRegistry persons;

	private final Clock clock;

	MyReports(JdbcClient jdbc, RequestCases cases, List<CaseAid> aid, PersonRegistry persons, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.aid = aid;
		this.persons = persons;
		this.clock = clock;
	}

	/**
	 * One page of the caller's reports, newest first; what it shows counts as seen.
	 * @param page from 1
	 */
	ReportPage page(int page, Caller caller) {
		if (page < 1 || page > LAST_PAGE) {
			throw new InvalidInput("intake.page-out-of-range", LAST_PAGE);
		}
		List<Row> rows = jdbc.sql(SELECT + " order by r.received_at desc, r.number desc limit :limit offset :offset")
			.param("owner", caller.name())
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query(MyReports::row)
			.list();
		List<MyReport> reports = followed(rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
		reports.forEach(this::seen);
		return new ReportPage(reports, page, page > 1, rows.size() > PAGE_SIZE);
	}

	/**
	 * One of the caller's reports; anyone else's is not found, as if it did not exist.
	 */
	MyReport one(String number, Caller caller) {
		if (!HelpRequestNumber.wellFormed(number)) {
			throw new InvalidInput("intake.number-malformed");
		}
		List<MyReport> found = followed(jdbc.sql(SELECT + " and r.number = :number")
			.param("owner", caller.name())
			.param("number", number)
			.query(MyReports::row)
			.list());
		if (found.isEmpty()) {
			throw new NotFound("intake.report-not-found");
		}
		seen(found.get(0));
		return found.get(0);
	}

	/**
	 * @return how many of the caller's answered reports show something they have not seen yet
	 */
	@Transactional(readOnly = true)
	long withNews(Caller caller) {
		List<Row> rows = jdbc.sql(SELECT + """
				 and r.status <> 'RECEIVED' and not coalesce(s.settled, false)
				 order by r.received_at desc limit :limit""")
			.param("owner", caller.name())
			.param("limit", NEWS_WINDOW)
			.query(MyReports::row)
			.list();
		return followed(rows).stream().filter(MyReport::news).count();
	}

	/**
	 * Adds what the case and aid modules know: the case of each accepted request (or of the request a merged one
	 * joined), how it ended, and whether aid was given in it.
	 */
	private List<MyReport> followed(List<Row> rows) {
		Set<String> handled = new HashSet<>();
		rows.forEach(row -> handled.add(row.followed()));
		handled.remove(null);
		Map<String, RequestCases.CaseProgress> progress = cases.progressOf(handled);
		Set<String> aided = aidedIn(progress.values().stream().map(RequestCases.CaseProgress::caseNumber).toList());
		List<MyReport> reports = new ArrayList<>();
		for (Row row : rows) {
			RequestCases.CaseProgress inCase = row.followed() == null ? null : progress.get(row.followed());
			reports.add(new MyReport(row.number(), name(row), row.village(), row.description(), row.receivedAt(),
					row.status(), row.decidedAt(), row.refusalReason(),
					inCase != null && aided.contains(inCase.caseNumber()), inCase == null ? null : inCase.ending(),
					false).seenAs(row.seen()));
		}
		return reports;
	}

	private Set<String> aidedIn(Collection<String> caseNumbers) {
		Set<String> aided = new HashSet<>();
		aid.forEach(source -> aided.addAll(source.aided(caseNumbers)));
		return aided;
	}

	private @Nullable String name(Row row) {
		return row.subjectName() != null || row.personId() == null ? row.subjectName()
				: persons.nameOf(new PersonId(row.personId())).orElse(null);
	}

	private void seen(MyReport report) {
		if (!report.news()) {
			return;
		}
		jdbc.sql("""
				insert into intake_report_seen (request_id, outcome, settled, seen_at)
				select id, :outcome, :settled, :now from intake_help_request where number = :number
				on conflict (request_id) do update
				   set outcome = excluded.outcome, settled = excluded.settled, seen_at = excluded.seen_at""")
			.param("outcome", report.outcome())
			.param("settled", report.settled())
			.param("now", Timestamp.from(clock.instant()))
			.param("number", report.number())
			.update();
	}

	private static Row row(ResultSet row, int n) throws SQLException {
		RequestStatus status = RequestStatus.valueOf(row.getString("status"));
		Timestamp decided = row.getTimestamp("decided_at");
		return new Row(row.getString("number"), row.getString("subject_name"),
				row.getObject("person_id", UUID.class), new DivisionCode(row.getString("village")),
				row.getString("description"), row.getTimestamp("received_at").toInstant(), status,
				decided == null ? null : decided.toInstant(), row.getString("refusal_reason"),
				status == RequestStatus.ACCEPTED ? row.getString("number") : row.getString("merged_into"),
				row.getString("seen"));
	}

	/**
	 * A report as stored, before the other modules are asked about it.
	 *
	 * @param followed the accepted request whose case tells what became of it: itself, or the one it was merged into
	 */
	private record Row(String number, @Nullable String subjectName, @Nullable UUID personId, DivisionCode village,
			String description, java.time.Instant receivedAt, RequestStatus status,
			java.time.@Nullable Instant decidedAt, @Nullable String refusalReason, @Nullable String followed,
			@Nullable String seen) {
	}

	/**
	 * A page of reports.
	 *
	 * @param reports the reports, newest first
	 * @param number the page's number, from 1
	 * @param hasPrevious whether there are newer reports
	 * @param hasNext whether there are older reports
	 */
	record ReportPage(List<MyReport> reports, int number, boolean hasPrevious, boolean hasNext) {
	}

}
