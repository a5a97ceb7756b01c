package org.jijinan.region;

import java.util.List;

import org.jijinan.shared.DivisionCode;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored divisions.
 */
interface Divisions extends ListCrudRepository<Division, DivisionCode> {

	@Query("select * from region_division where parent_code = :parent order by code")
	List<Division> findChildren(String parent);

}
