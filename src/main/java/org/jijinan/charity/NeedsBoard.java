package org.jijinan.charity;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jijinan.casework.CaseDesk;
import org.jijinan.casework.CaseEventRecorded;
import org.jijinan.casework.CaseView;
import org.jijinan.casework.SharingBasis;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The needs board (需求发布): a township publishes what remains of a family's need after government aid — only when
 * the case records a legal basis for sharing, and only de-identified — and charities see it, with the projects that
 * fit it best and why.
 */
@Service
public class NeedsBoard {

	static final Set<String> KINDS = Set.of("CASH", "GOODS", "SERVICE", "VOLUNTEER");

	/** Numbers of six digits or more: ID, phone, bank account and house numbers have no place on the board. */
	private static final Pattern NUMBERS = Pattern.compile("\\d{6,}|\\d{3,}[\\s-]\\d{3,}");

	private final JdbcClient jdbc;

	private final CaseDesk cases;

	private final RegionDirectory regions;

	private final Projects projects;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final org.jijinan.people.Beneficiaries beneficiaries;

	private final MessageSource messages;

	NeedsBoard(JdbcClient jdbc, CaseDesk cases, RegionDirectory regions, Projects projects,
			ApplicationEventPublisher events, Clock clock, org.jijinan.people.Beneficiaries beneficiaries,
			MessageSource messages) {
		this.beneficiaries = beneficiaries;
		this.messages = messages;
		this.jdbc = jdbc;
		this.cases = cases;
		this.regions = regions;
		this.projects = projects;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Publishes a case's remaining need.
	 */
	@Transactional
	public NeedView publish(String caseNumber, NewNeed need, Caller caller) {
		CaseView found = cases.find(caseNumber, caller);
		CharityStaff.requireHandler(caller);
		if (!found.status().open()) {
			throw new Conflict("charity.case-closed", found.status());
		}
		SharingBasis basis = cases.sharingBasis(caseNumber)
			.orElseThrow(() -> new RuleViolation("charity.no-sharing-basis"));
		List<String> kinds = need.kinds() == null ? List.of() : need.kinds();
		if (kinds.isEmpty() || !KINDS.containsAll(kinds)) {
			throw new InvalidInput("charity.kinds-invalid");
		}
		BigDecimal amount = need.amount();
		if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2
				|| amount.compareTo(new BigDecimal("10000000")) > 0) {
			throw new RuleViolation("charity.amount-invalid");
		}
		String summary = WrittenText.required(need.summary(), 4, 300, "charity.summary-required");
		if (identifies(summary, found.subjectName())) {
			throw new RuleViolation("charity.summary-identifies");
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into charity_need (id, case_number, township, township_path, display_name, causes, kinds, amount,
					                          summary, sharing_basis, status, published_by, published_at, version, groups)
					values (:id, :caseNumber, :township, :path, :display, :causes, :kinds, :amount, :summary, :basis,
					        'OPEN', :by, :at, 0, :groups)""")
				.param("groups", beneficiaries.categoriesOf(found.personId(), found.householdId(),
						now.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()).stream().sorted().toArray(String[]::new))
				.param("id", id)
				.param("caseNumber", caseNumber)
				.param("township", found.township().value())
				.param("path", regions.path(found.township()))
				.param("display", displayName(found.subjectName()))
				.param("causes", found.causes().toArray(String[]::new))
				.param("kinds", kinds.toArray(String[]::new))
				.param("amount", amount.setScale(2, java.math.RoundingMode.UNNECESSARY))
				.param("summary", summary)
				.param("basis", basis.basis().name())
				.param("by", caller.name())
				.param("at", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException live) {
			throw new Conflict("charity.need-live", caseNumber);
		}
		events.publishEvent(new CaseEventRecorded(caseNumber, "NEED_PUBLISHED",
				kindNames(kinds) + " " + amount.toPlainString() + " 元：" + summary, caller.name(), now));
		return find(id, caller);
	}

	/**
	 * @return the open needs, newest first: to charities de-identified, to government staff those of their area
	 */
	@Transactional(readOnly = true)
	public List<NeedView> board(Caller caller) {
		if (CharityStaff.isCharity(caller)) {
			return jdbc.sql("select * from charity_need where status = 'OPEN' order by published_at desc limit 500")
				.query((row, n) -> view(row, false))
				.list();
		}
		CharityStaff.requireHandler(caller);
		return jdbc.sql("""
				select * from charity_need where township_path like :scope || '%' and status <> 'WITHDRAWN'
				 order by published_at desc limit 500""")
			.param("scope", regions.path(caller.regionScope()))
			.query((row, n) -> view(row, true))
			.list();
	}

	/**
	 * @return a need, to charities de-identified and to the staff of its area with its case
	 */
	@Transactional(readOnly = true)
	public NeedView find(UUID id, Caller caller) {
		boolean charity = CharityStaff.isCharity(caller);
		NeedView need = jdbc.sql("select * from charity_need where id = :id")
			.param("id", id)
			.query((row, n) -> view(row, !charity))
			.optional()
			.orElseThrow(() -> new NotFound("charity.need-not-found"));
		if (!charity) {
			CharityStaff.requireHandler(caller);
			if (!regions.isWithin(new org.jijinan.shared.DivisionCode(need.township()), caller.regionScope())) {
				throw new Forbidden("charity.out-of-scope");
			}
		}
		return need;
	}

	/**
	 * The township takes a need off the board (met otherwise, or no longer there).
	 */
	@Transactional
	public NeedView withdraw(UUID id, Caller caller) {
		NeedView need = find(id, caller);
		if (CharityStaff.isCharity(caller)) {
			throw new Forbidden("charity.not-allowed");
		}
		int changed = jdbc.sql("update charity_need set status = 'WITHDRAWN', version = version + 1 where id = :id and status = 'OPEN'")
			.param("id", id)
			.update();
		if (changed == 0) {
			throw new Conflict("charity.need-taken");
		}
		return find(need.id(), caller);
	}

	/**
	 * @return the projects that fit a need best, with their scores and reasons
	 */
	@Transactional(readOnly = true)
	public List<Matching.Match> matchesFor(UUID needId, Caller caller) {
		find(needId, caller);
		return MatchIndex.of(projects.forMatching()).forNeed(forMatching(needId), 10);
	}

	/**
	 * @return the open needs that fit a project best, with their scores and reasons
	 */
	@Transactional(readOnly = true)
	public List<Matching.Match> matchesForProject(UUID projectId, Caller caller) {
		projects.find(projectId, caller);
		Matching.Project project = projects.forMatching()
			.stream()
			.filter(candidate -> candidate.id().equals(projectId))
			.findFirst()
			.orElseThrow(() -> new RuleViolation("charity.project-exhausted"));
		List<Matching.Need> open = jdbc.sql("select id, township_path, causes, kinds, amount, groups from charity_need where status = 'OPEN'")
			.query((row, n) -> matchingNeed(row))
			.list();
		return Matching.forProject(project, open, 20);
	}

	private Matching.Need forMatching(UUID needId) {
		return jdbc.sql("select id, township_path, causes, kinds, amount, groups from charity_need where id = :id")
			.param("id", needId)
			.query((row, n) -> matchingNeed(row))
			.single();
	}

	private static Matching.Need matchingNeed(ResultSet row) throws SQLException {
		return new Matching.Need(row.getObject("id", UUID.class), row.getString("township_path"),
				Set.copyOf(Projects.strings(row.getArray("causes"))), Set.copyOf(Projects.strings(row.getArray("kinds"))),
				row.getBigDecimal("amount"), Set.copyOf(Projects.strings(row.getArray("groups"))));
	}

	private NeedView view(ResultSet row, boolean withCase) throws SQLException {
		String township = row.getString("township");
		return new NeedView(row.getObject("id", UUID.class), withCase ? row.getString("case_number") : null,
				row.getString("display_name"), township,
				regions.find(new org.jijinan.shared.DivisionCode(township)).map(d -> d.name()).orElse(township),
				Projects.strings(row.getArray("causes")), Projects.strings(row.getArray("groups")),
				Projects.strings(row.getArray("kinds")),
				row.getBigDecimal("amount"), row.getString("summary"), row.getString("status"),
				row.getTimestamp("published_at").toInstant());
	}

	/** The case's timeline is kept in Chinese: the kinds of help by their names (物资、服务), never their codes. */
	private String kindNames(List<String> kinds) {
		return String.join("、", kinds.stream()
			.map(kind -> messages.getMessage("charity.kind." + kind, null, kind, Locale.SIMPLIFIED_CHINESE))
			.toList());
	}

	/** Surname + 某: the only part of a name the board shows. */
	static String displayName(@Nullable String name) {
		return name == null || name.isBlank() ? "某某" : name.strip().substring(0, 1) + "某";
	}

	/** Whether a summary gives away who the family is: long numbers, or the person's name. */
	static boolean identifies(String summary, @Nullable String name) {
		return NUMBERS.matcher(summary).find() || name != null && name.strip().length() >= 2
				&& summary.contains(name.strip());
	}

	/**
	 * A need to publish.
	 *
	 * @param kinds what kinds of help ({@code CASH}, {@code GOODS}, {@code SERVICE}, {@code VOLUNTEER})
	 * @param amount what remains after government aid, yuan
	 * @param summary the situation, without the name, numbers, address or diagnosis
	 */
	public record NewNeed(@Nullable List<String> kinds, @Nullable BigDecimal amount, @Nullable String summary) {
	}

}
