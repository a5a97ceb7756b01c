package org.jijinan.people;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.jijinan.shared.KeyTable;
import org.jijinan.shared.ResidentIdNumber;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For workflows of the platform itself that start from an ID number presented at a counter (a hospital settling a
 * bill): who the person is in the registry and which assistance categories they or their household hold on a day.
 * Gives nothing else about the person; the caller is responsible for its own access rules and audit.
 */
@Service
public class Beneficiaries {

	private final JdbcClient jdbc;

	private final PersonalData data;

	private final DataSource dataSource;

	Beneficiaries(JdbcClient jdbc, PersonalData data, DataSource dataSource) {
		this.jdbc = jdbc;
		this.data = data;
		this.dataSource = dataSource;
	}

	/**
	 * @param idNumber a citizen ID number (checked; a malformed one is refused with {@code shared.id-number-*})
	 * @param day the day the categories must be held on
	 * @return the registered person with that number, if any
	 */
	@Transactional(readOnly = true)
	public Optional<Beneficiary> byIdNumber(String idNumber, LocalDate day) {
		String hash = data.lookup(ResidentIdNumber.parse(idNumber));
		return jdbc.sql("""
				select id, name, residence_path from people_person
				 where id_number_hash = :hash and superseded_by is null""")
			.param("hash", hash)
			.query((row, n) -> new Object[] { row.getObject(1, UUID.class), row.getString(2), row.getString(3) })
			.optional()
			.map(row -> beneficiary((UUID) row[0], (String) row[1], (String) row[2], day));
	}

	/**
	 * For matching many records at once (a department's file of signals): the registered persons with these ID
	 * numbers, where they live and their household — a thousand numbers in one query, more through a
	 * {@link KeyTable} joined once.
	 *
	 * @param idNumbers checked ID numbers
	 * @return the registered persons, by ID number
	 */
	@Transactional
	public java.util.Map<String, Registered> registeredByIdNumber(java.util.Collection<String> idNumbers) {
		java.util.Map<String, String> byHash = new java.util.HashMap<>();
		idNumbers.forEach(number -> byHash.put(data.lookup(ResidentIdNumber.parse(number)), number));
		java.util.Map<String, Registered> found = new java.util.HashMap<>();
		if (byHash.isEmpty()) {
			return found;
		}
		String matching = byHash.size() <= 1000 ? "p.id_number_hash in (:hashes)"
				: "p.id_number_hash in (select key from "
						+ KeyTable.of("people_matched_hash", "text", byHash.keySet(), jdbc, dataSource) + ")";
		jdbc.sql("""
				select p.id_number_hash, p.id, p.residence_path, m.household_id from people_person p
				  left join people_household_member m on m.person_id = p.id and m.left_on is null
				 where p.superseded_by is null""" + " and " + matching)
			.param("hashes", byHash.keySet())
			.query((row, n) -> found.put(byHash.get(row.getString(1)), new Registered(row.getObject(2, UUID.class),
					row.getString(3), row.getObject(4, UUID.class))))
			.list();
		return found;
	}

	/**
	 * A registered person, as matching a record needs them.
	 *
	 * @param personId the person
	 * @param residencePath the region path of their registered residence
	 * @param householdId their household now, if any
	 */
	public record Registered(UUID personId, String residencePath, @Nullable UUID householdId) {
	}

	/**
	 * @param personId a person, or
	 * @param householdId a household, whose head stands for it
	 * @param day the day the categories must be held on
	 * @return the person (or the household's head) as a beneficiary, if registered and not superseded
	 */
	@Transactional(readOnly = true)
	public Optional<Beneficiary> byPersonOrHousehold(@Nullable UUID personId, @Nullable UUID householdId,
			LocalDate day) {
		String who = personId != null ? "p.id = :person"
				: "p.id = (select m.person_id from people_household_member m where m.household_id = :household"
						+ " and m.relationship = 'HEAD' and m.left_on is null)";
		return jdbc.sql("select p.id, p.name, p.residence_path from people_person p where " + who
				+ " and p.superseded_by is null")
			.param("person", personId)
			.param("household", householdId)
			.query((row, n) -> new Object[] { row.getObject(1, UUID.class), row.getString(2), row.getString(3) })
			.optional()
			.map(row -> beneficiary((UUID) row[0], (String) row[1], (String) row[2], day));
	}

	private Beneficiary beneficiary(UUID personId, String name, String residencePath, LocalDate day) {
		UUID household = jdbc.sql(
				"select household_id from people_household_member where person_id = :person and left_on is null")
			.param("person", personId)
			.query(UUID.class)
			.optional()
			.orElse(null);
		return new Beneficiary(personId, name, residencePath, household, categories(personId, household, day));
	}

	/**
	 * For the roster feeds of partner departments (whose agreements decide what they may receive, and whose every
	 * read is audited by the feed): the name, the ID number when asked, and the registered residence of persons and
	 * of the heads of households.
	 * @return the descriptions, by person or household identifier
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, Described> describe(Set<UUID> persons, Set<UUID> households, boolean withIdNumbers) {
		java.util.Map<UUID, Described> described = new java.util.HashMap<>();
		if (!persons.isEmpty()) {
			jdbc.sql("select id, name, id_number_sealed, residence from people_person where id in (:ids)")
				.param("ids", persons)
				.query((row, n) -> described.put(row.getObject(1, UUID.class), described(row, withIdNumbers)))
				.list();
		}
		if (!households.isEmpty()) {
			jdbc.sql("""
					select m.household_id, p.name, p.id_number_sealed, p.residence from people_household_member m
					  join people_person p on p.id = m.person_id
					 where m.household_id in (:ids) and m.relationship = 'HEAD' and m.left_on is null""")
				.param("ids", households)
				.query((row, n) -> described.put(row.getObject(1, UUID.class), described(row, withIdNumbers)))
				.list();
		}
		return described;
	}

	private Described described(java.sql.ResultSet row, boolean withIdNumbers) throws java.sql.SQLException {
		String sealed = row.getString(3);
		return new Described(row.getString(2), withIdNumbers && sealed != null ? data.openIdNumber(sealed).value() : null,
				row.getString(4));
	}

	/**
	 * A person (or a household's head) as a roster feed describes them.
	 *
	 * @param name the name
	 * @param idNumber the ID number, when the agreement allows it
	 * @param residence the village or community code of the registered residence
	 */
	public record Described(String name, @Nullable String idNumber, String residence) {

		@Override
		public String toString() {
			return "Described[" + residence + "]";
		}

	}

	/**
	 * @return the categories a person or their household holds on a day (none for a person not in the registry)
	 */
	@Transactional(readOnly = true)
	public Set<String> categoriesOf(@Nullable UUID personId, @Nullable UUID householdId, LocalDate day) {
		if (personId == null && householdId == null) {
			return Set.of();
		}
		return categories(personId, householdId, day);
	}

	private Set<String> categories(@Nullable UUID personId, @Nullable UUID householdId, LocalDate day) {
		return new HashSet<>(jdbc.sql("""
				select distinct category_code from people_category_membership
				 where (person_id = :person or household_id = :household)
				   and valid_from <= :day and (valid_to is null or valid_to >= :day)""")
			.param("person", personId)
			.param("household", householdId)
			.param("day", day)
			.query(String.class)
			.list());
	}

	/**
	 * A registered person as a workflow needs them.
	 *
	 * @param personId the person
	 * @param name their name
	 * @param residencePath the region path of their registered residence
	 * @param householdId their current household
	 * @param categories the categories they or their household hold on the day asked about
	 */
	public record Beneficiary(UUID personId, String name, String residencePath, @Nullable UUID householdId,
			Set<String> categories) {

		@Override
		public String toString() {
			return "Beneficiary[" + personId + "]";
		}

	}

}
