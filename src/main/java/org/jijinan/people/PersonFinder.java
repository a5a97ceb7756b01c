package org.jijinan.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.ResidentIdNumber;
import org.jijinan.shared.Sex;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds persons within the caller's scope by exact ID or phone number (through keyed hashes), part of a name,
 * village or category. Records superseded by another are left out.
 */
@Service
@Transactional(readOnly = true)
public class PersonFinder {

	private final JdbcClient jdbc;

	private final PersonalData data;

	private final PeopleScope scope;

	private final RegionDirectory regions;

	PersonFinder(JdbcClient jdbc, PersonalData data, PeopleScope scope, RegionDirectory regions) {
		this.jdbc = jdbc;
		this.data = data;
		this.scope = scope;
		this.regions = regions;
	}

	/**
	 * @param search the criteria
	 * @param caller who searches
	 * @return one page of matches
	 */
	public SearchResult search(PersonSearch search, Caller caller) {
		Criteria criteria = criteria(search, caller);
		String where = criteria.where();
		Map<String, Object> parameters = criteria.parameters();
		long total = jdbc.sql("select count(*) from people_person p where " + where)
			.params(parameters)
			.query(Long.class)
			.single();
		List<PersonView> rows = jdbc.sql("select p.* from people_person p where " + where
				+ " order by p.name, p.id limit :limit offset :offset")
			.params(parameters)
			.param("limit", search.size())
			.param("offset", (long) search.page() * search.size())
			.query(PersonFinder::view)
			.list();
		return new SearchResult(rows, total, search.page(), search.size());
	}

	/**
	 * Streams every match, in name order, to the consumer (for exports).
	 */
	void forEach(PersonSearch search, Caller caller, java.util.function.Consumer<PersonView> consumer) {
		Criteria criteria = criteria(search, caller);
		try (var matches = jdbc.sql("select p.* from people_person p where " + criteria.where()
				+ " order by p.name, p.id")
			.params(criteria.parameters())
			.withFetchSize(1000)
			.query(PersonFinder::view)
			.stream()) {
			matches.forEach(consumer);
		}
	}

	private Criteria criteria(PersonSearch search, Caller caller) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		List<String> conditions = new ArrayList<>();
		conditions.add("p.superseded_by is null");
		conditions.add("p.residence_path like :scope || '%'");
		parameters.put("scope", scope.pathOf(caller));
		if (present(search.idNumber())) {
			conditions.add("p.id_number_hash = :idHash");
			parameters.put("idHash", data.lookup(ResidentIdNumber.parse(search.idNumber())));
		}
		if (present(search.phone())) {
			conditions.add("p.phone_hash = :phoneHash");
			parameters.put("phoneHash", data.lookup(PhoneNumber.parse(search.phone())));
		}
		if (present(search.name())) {
			conditions.add("p.name like :name escape '\\'");
			parameters.put("name", "%" + escapeLike(search.name().strip()) + "%");
		}
		if (search.village() != null) {
			conditions.add("p.residence_path like :area || '%'");
			parameters.put("area", area(search.village(), caller));
		}
		if (present(search.category())) {
			conditions.add("""
					exists (select 1 from people_category_membership m
					         where m.category_code = :category and m.valid_from <= current_date
					           and (m.valid_to is null or m.valid_to >= current_date)
					           and (m.person_id = p.id or m.household_id in (
					                select hm.household_id from people_household_member hm
					                 where hm.person_id = p.id and hm.left_on is null)))""");
			parameters.put("category", search.category().strip());
		}
		return new Criteria(String.join(" and ", conditions), parameters);
	}

	private record Criteria(String where, Map<String, Object> parameters) {
	}

	private String area(DivisionCode area, Caller caller) {
		String path = regions.path(area);
		if (!path.startsWith(scope.pathOf(caller))) {
			throw new Forbidden("people.out-of-scope");
		}
		return path;
	}

	private static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static PersonView view(ResultSet row, int number) throws SQLException {
		String ethnicity = row.getString("ethnicity");
		String sex = row.getString("sex");
		UUID superseded = row.getObject("superseded_by", UUID.class);
		return new PersonView(new PersonId(row.getObject("id", UUID.class)), row.getString("name"),
				row.getString("id_number_masked"), row.getObject("birth_date", java.time.LocalDate.class),
				sex == null ? null : Sex.valueOf(sex), ethnicity == null ? null : Ethnicity.valueOf(ethnicity),
				row.getString("phone_masked"), new DivisionCode(row.getString("residence")), row.getString("address"),
				row.getBoolean("provisional"), superseded == null ? null : new PersonId(superseded));
	}

}
