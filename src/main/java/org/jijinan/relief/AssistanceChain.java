package org.jijinan.relief;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jijinan.casework.CasePersonLinked;
import org.jijinan.people.HouseholdId;
import org.jijinan.people.HouseholdRegister;
import org.jijinan.people.ProvisionalPersonIdentified;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The household's assistance chain (一户一条救助链): every grant, settlement and gift is recorded once per source, so
 * the chain shows what reached a family from every scheme and the duplicate check can see it before approval.
 */
@Component
class AssistanceChain {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final HouseholdRegister households;

	AssistanceChain(JdbcClient jdbc, ApplicationEventPublisher events, HouseholdRegister households) {
		this.jdbc = jdbc;
		this.events = events;
		this.households = households;
	}

	/**
	 * Records what a household received; the same source recorded twice stays one record.
	 */
	void record(Grant grant) {
		UUID id = UUID.randomUUID();
		int recorded = jdbc.sql("""
				insert into relief_assistance (id, household_id, person_id, subject_name, township_path, scheme, cause,
				                               source_ref, bill_ref, case_number, amount, goods_value, goods,
				                               granted_by, organisation, granted_at)
				values (:id, :household, :person, :name, :path, :scheme, :cause, :source, :bill, :caseNumber, :amount,
				        :goodsValue, :goods, :by, :organisation, :at)
				on conflict (scheme, source_ref) do nothing""")
			.param("id", id)
			.param("household", grant.householdId())
			.param("person", grant.personId())
			.param("name", grant.subjectName())
			.param("path", grant.townshipPath())
			.param("scheme", grant.scheme())
			.param("cause", grant.cause())
			.param("source", grant.sourceRef())
			.param("bill", grant.billRef())
			.param("caseNumber", grant.caseNumber())
			.param("amount", grant.amount())
			.param("goodsValue", grant.goodsValue())
			.param("goods", grant.goods())
			.param("by", grant.grantedBy())
			.param("organisation", grant.organisation())
			.param("at", Timestamp.from(grant.grantedAt()))
			.update();
		if (recorded == 1) {
			events.publishEvent(new AssistanceRecorded(id, grant.scheme(), grant.cause(), grant.caseNumber(),
					grant.townshipPath(), grant.amount(), grant.grantedAt(), grant.householdId(), grant.personId()));
		}
	}

	/**
	 * A case given aid before anyone knew who the person was in the registry is now linked: its records join that
	 * person's and household's chain, where the duplicate check sees them.
	 */
	@EventListener
	void on(CasePersonLinked linked) {
		jdbc.sql("""
				update relief_assistance set person_id = :person, household_id = :household
				 where case_number = :caseNumber and person_id is null and household_id is null""")
			.param("person", linked.personId())
			.param("household", linked.householdId())
			.param("caseNumber", linked.number())
			.update();
	}

	/**
	 * A provisionally registered person turned out to be registered already: what they received joins the
	 * registered person's chain and household, where the duplicate check of any later aid sees it.
	 */
	@EventListener
	void on(ProvisionalPersonIdentified identified) {
		if (identified.provisionalId().equals(identified.person())) {
			return;
		}
		jdbc.sql("""
				update relief_assistance set person_id = :person, household_id = coalesce(:household, household_id)
				 where person_id = :provisional""")
			.param("person", identified.person().value())
			.param("household", households.currentHouseholdOf(identified.person()).map(HouseholdId::value).orElse(null))
			.param("provisional", identified.provisionalId().value())
			.update();
	}

	/**
	 * Marks a record reversed (a settlement undone); it stays in the chain, struck through.
	 */
	void reverse(String scheme, String sourceRef, Instant at) {
		jdbc.sql("update relief_assistance set reversed_at = :at where scheme = :scheme and source_ref = :source")
			.param("at", Timestamp.from(at))
			.param("scheme", scheme)
			.param("source", sourceRef)
			.update();
	}

	/**
	 * @return what the household (or, without one, the person) received from the given schemes in the calendar year
	 * of {@code at}: cash and the value of goods, since the yearly cap counts both
	 */
	BigDecimal receivedInYear(@Nullable UUID householdId, @Nullable UUID personId, List<String> schemes,
			Instant at) {
		if (householdId == null && personId == null) {
			return Money.ZERO;
		}
		ZonedDateTime start = at.atZone(CHINA).withDayOfYear(1).toLocalDate().atStartOfDay(CHINA);
		return jdbc.sql("""
				select coalesce(sum(amount + goods_value), 0) from relief_assistance
				 where (household_id = :household or household_id is null and person_id = :person)
				   and scheme in (:schemes) and reversed_at is null and granted_at >= :from and granted_at < :to""")
			.param("household", householdId)
			.param("person", personId)
			.param("schemes", schemes)
			.param("from", Timestamp.from(start.toInstant()))
			.param("to", Timestamp.from(start.plusYears(1).toInstant()))
			.query(BigDecimal.class)
			.single();
	}

	/**
	 * @return what the household, the person or the case received in the twelve months before {@code at}, newest
	 * first
	 */
	List<AssistanceRecord> lastTwelveMonths(@Nullable UUID householdId, @Nullable UUID personId,
			@Nullable String caseNumber, Instant at) {
		return jdbc.sql("""
				select * from relief_assistance
				 where (household_id = :household or person_id = :person or case_number = :caseNumber)
				   and granted_at > :from and granted_at <= :to
				 order by granted_at desc""")
			.param("household", householdId)
			.param("person", personId)
			.param("caseNumber", caseNumber)
			.param("from", Timestamp.from(at.atZone(CHINA).minusMonths(12).toInstant()))
			.param("to", Timestamp.from(at))
			.query(AssistanceChain::record)
			.list();
	}

	/**
	 * The duplicate-assistance check before an approval: the same cause already granted this year when the rule
	 * allows one grant per year (emergency aid on the same case is its first part, not a duplicate), the same hospital bill already paid by another scheme, or a scheme this year that
	 * excludes the one proposed.
	 * @return what was found, empty when nothing stands against the grant
	 */
	List<Finding> duplicates(@Nullable UUID householdId, @Nullable UUID personId, @Nullable String caseNumber,
			String scheme, String cause, @Nullable String billRef, PolicyRules rules, Instant at) {
		List<Finding> found = new ArrayList<>();
		ZonedDateTime start = at.atZone(CHINA).withDayOfYear(1).toLocalDate().atStartOfDay(CHINA);
		List<AssistanceRecord> year = lastTwelveMonths(householdId, personId, caseNumber, at).stream()
			.filter(record -> !record.reversed() && !record.grantedAt().isBefore(start.toInstant()))
			.toList();
		boolean oncePerYear = rules.hardshipRule(cause).map(PolicyRules.HardshipRule::oncePerYear).orElse(false);
		for (AssistanceRecord record : year) {
			boolean sameCase = caseNumber != null && caseNumber.equals(record.caseNumber());
			if (oncePerYear && !sameCase && cause.equals(record.cause()) && isTemporary(record.scheme())
					&& isTemporary(scheme)) {
				found.add(new Finding("SAME_CAUSE_THIS_YEAR", record));
			}
			if (!scheme.equals(record.scheme()) && rules.excludeEachOther(scheme, record.scheme())
					&& cause.equals(record.cause())) {
				found.add(new Finding("EXCLUSIVE_SCHEMES", record));
			}
		}
		if (billRef != null) {
			jdbc.sql("select * from relief_assistance where bill_ref = :bill and scheme <> :scheme and reversed_at is null")
				.param("bill", billRef)
				.param("scheme", scheme)
				.query(AssistanceChain::record)
				.list()
				.forEach(record -> found.add(new Finding("SAME_BILL", record)));
		}
		return found;
	}

	private static AssistanceRecord record(java.sql.ResultSet row, int number) throws java.sql.SQLException {
		return new AssistanceRecord(row.getObject("id", UUID.class), row.getString("scheme"), row.getString("cause"),
				row.getString("source_ref"), row.getString("bill_ref"), row.getString("case_number"),
				row.getString("subject_name"), row.getBigDecimal("amount"), row.getBigDecimal("goods_value"),
				row.getString("goods"),
				row.getString("granted_by"), row.getString("organisation"), row.getTimestamp("granted_at").toInstant(),
				row.getTimestamp("reversed_at") != null);
	}

	private static boolean isTemporary(String scheme) {
		return "TEMPORARY".equals(scheme) || "EMERGENCY".equals(scheme);
	}

	/**
	 * Something a household received that stands against a new grant.
	 *
	 * @param kind {@code SAME_CAUSE_THIS_YEAR}, {@code SAME_BILL} or {@code EXCLUSIVE_SCHEMES}
	 * @param record what was received
	 */
	record Finding(String kind, AssistanceRecord record) {
	}

	/**
	 * What to record.
	 */
	record Grant(@Nullable UUID householdId, @Nullable UUID personId, @Nullable String subjectName,
			String townshipPath, String scheme, @Nullable String cause, String sourceRef, @Nullable String billRef,
			@Nullable String caseNumber, BigDecimal amount, BigDecimal goodsValue, @Nullable String goods,
			String grantedBy, String organisation, Instant grantedAt) {
	}

}
