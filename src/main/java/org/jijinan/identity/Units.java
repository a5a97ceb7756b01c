package org.jijinan.identity;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored units.
 */
interface Units extends ListCrudRepository<Unit, UnitId> {

	@Query("select * from identity_unit where division_path like :pathPrefix || '%' order by division_code, name")
	List<Unit> findWithin(String pathPrefix);

	boolean existsByDivisionCodeAndName(String divisionCode, String name);

}
