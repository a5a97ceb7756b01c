package org.jijinan.people;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.NotFound;
import org.jijinan.shared.RuleViolation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which assistance category, from when to when, and on what source. A category is held by persons or by
 * households as the list says; the same holder cannot hold the same category twice over one period.
 */
@Service
@Transactional
public class CategoryStandings {

	private final JdbcClient jdbc;

	private final PersonRegistry persons;

	private final HouseholdRegister households;

	private final PeopleSettings settings;

	private final ApplicationEventPublisher events;

	CategoryStandings(JdbcClient jdbc, PersonRegistry persons, HouseholdRegister households, PeopleSettings settings,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.persons = persons;
		this.households = households;
		this.settings = settings;
		this.events = events;
	}

	/**
	 * @return the active categories
	 */
	@Transactional(readOnly = true)
	public List<Category> categories() {
		return jdbc.sql("select * from people_category where active order by code")
			.query((row, number) -> new Category(row.getString("code"), row.getString("name_zh"),
					row.getString("name_en"), Category.Subject.valueOf(row.getString("subject")),
					row.getBoolean("graded")))
			.list();
	}

	/**
	 * Adds a category to the list (county administrators only; the list is the county's).
	 */
	public Category define(Category category, Caller caller) {
		requireCountyAdministrator(caller);
		if (!category.code().matches("[A-Z][A-Z0-9_]{2,39}") || category.chineseName().isBlank()
				|| category.chineseName().length() > 40 || category.englishName().isBlank()
				|| category.englishName().length() > 80) {
			throw new InvalidInput("people.category-invalid");
		}
		try {
			jdbc.sql("""
					insert into people_category (code, name_zh, name_en, subject, graded)
					values (:code, :zh, :en, :subject, :graded)""")
				.param("code", category.code())
				.param("zh", category.chineseName().strip())
				.param("en", category.englishName().strip())
				.param("subject", category.subject().name())
				.param("graded", category.graded())
				.update();
		}
		catch (org.springframework.dao.DuplicateKeyException taken) {
			throw new Conflict("people.category-exists", category.code());
		}
		events.publishEvent(new CategoryListChanged(category.code(), "defined"));
		return category;
	}

	/**
	 * Takes a category off the list; recorded standings stay.
	 */
	public void deactivate(String code, Caller caller) {
		requireCountyAdministrator(caller);
		if (jdbc.sql("update people_category set active = false where code = :code and active")
			.param("code", code)
			.update() == 0) {
			throw new NotFound("people.unknown-category", code);
		}
		events.publishEvent(new CategoryListChanged(code, "deactivated"));
	}

	private static void requireCountyAdministrator(Caller caller) {
		if (!caller.hasRole("ADMINISTRATOR") || caller.regionScope() == null
				|| caller.regionScope().value().length() != 6) {
			throw new org.jijinan.shared.Forbidden("people.category-list-county-only");
		}
	}

	/**
	 * Records a standing.
	 * @return the recorded standing
	 */
	public StandingView grant(NewStanding standing, Caller caller) {
		PeopleScope.requireRole(caller, settings.registerRoles(), "people.register-not-allowed");
		Category category = category(standing.category());
		checkHolder(category, standing, caller);
		checkGrade(category, standing.grade());
		if (standing.validTo() != null && standing.validTo().isBefore(standing.validFrom())) {
			throw new InvalidInput("people.standing-period-reversed");
		}
		if (overlaps(standing)) {
			throw new Conflict("people.standing-overlaps", category.code());
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into people_category_membership (id, category_code, person_id, household_id, grade, source,
				                                        valid_from, valid_to)
				values (:id, :category, :person, :household, :grade, :source, :from, :to)""")
			.param("id", id)
			.param("category", category.code())
			.param("person", standing.personId() == null ? null : standing.personId().value())
			.param("household", standing.householdId() == null ? null : standing.householdId().value())
			.param("grade", standing.grade())
			.param("source", standing.source().strip())
			.param("from", Date.valueOf(standing.validFrom()))
			.param("to", standing.validTo() == null ? null : Date.valueOf(standing.validTo()))
			.update();
		events.publishEvent(new StandingRecorded(id, category.code(), standing.source().strip()));
		return new StandingView(id, category.code(), category.chineseName(), category.subject(), standing.grade(),
				standing.source().strip(), standing.validFrom(), standing.validTo());
	}

	/**
	 * @return the standings of the person and of the household they belong to now, newest first
	 */
	@Transactional(readOnly = true)
	public List<StandingView> standingsOf(PersonId personId, Caller caller) {
		persons.visible(personId, caller);
		return jdbc.sql("""
				select m.*, c.name_zh, c.subject from people_category_membership m
				  join people_category c on c.code = m.category_code
				 where m.person_id = :person
				    or m.household_id in (select household_id from people_household_member
				                           where person_id = :person and left_on is null)
				 order by m.valid_from desc""")
			.param("person", personId.value())
			.query((row, number) -> new StandingView(row.getObject("id", UUID.class), row.getString("category_code"),
					row.getString("name_zh"), Category.Subject.valueOf(row.getString("subject")),
					(Integer) row.getObject("grade"), row.getString("source"),
					row.getObject("valid_from", LocalDate.class), row.getObject("valid_to", LocalDate.class)))
			.list();
	}

	private Category category(String code) {
		return categories().stream()
			.filter(category -> category.code().equals(code.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("people.unknown-category", code.strip()));
	}

	private void checkHolder(Category category, NewStanding standing, Caller caller) {
		boolean person = standing.personId() != null;
		if (person == (standing.householdId() != null)) {
			throw new InvalidInput("people.standing-needs-one-holder");
		}
		if (person != (category.subject() == Category.Subject.PERSON)) {
			throw new RuleViolation("people.category-held-by-" + category.subject().name().toLowerCase());
		}
		if (person) {
			persons.visible(standing.personId(), caller);
		}
		else {
			households.find(standing.householdId(), caller);
		}
	}

	private static void checkGrade(Category category, Integer grade) {
		if (category.graded() != (grade != null) || (grade != null && (grade < 1 || grade > 4))) {
			throw new InvalidInput(category.graded() ? "people.grade-required" : "people.grade-not-applicable");
		}
	}

	private boolean overlaps(NewStanding standing) {
		return jdbc.sql("""
				select exists (select 1 from people_category_membership
				 where category_code = :category
				   and (person_id = :person or household_id = :household)
				   and valid_from <= coalesce(:to, date '9999-12-31')
				   and coalesce(valid_to, date '9999-12-31') >= :from)""")
			.param("category", standing.category().strip())
			.param("person", standing.personId() == null ? null : standing.personId().value())
			.param("household", standing.householdId() == null ? null : standing.householdId().value())
			.param("from", Date.valueOf(standing.validFrom()))
			.param("to", standing.validTo() == null ? null : Date.valueOf(standing.validTo()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * The list of categories changed.
	 *
	 * @param code the category
	 * @param change {@code defined} or {@code deactivated}
	 */
	public record CategoryListChanged(String code, String change) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "people.category-" + change;
		}

		@Override
		public String auditSubjectType() {
			return "category";
		}

		@Override
		public String auditSubjectId() {
			return code;
		}

	}

	/**
	 * A standing in a category was recorded.
	 *
	 * @param standingId the record
	 * @param category the category
	 * @param source where it comes from
	 */
	public record StandingRecorded(UUID standingId, String category, String source) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "people.standing-recorded";
		}

		@Override
		public String auditSubjectType() {
			return "standing";
		}

		@Override
		public String auditSubjectId() {
			return standingId.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("category", category, "source", source);
		}

	}

}
