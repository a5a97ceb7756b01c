package org.jijinan.people;

import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored households.
 */
interface Households extends ListCrudRepository<Household, HouseholdId> {

	@Query("""
			select h.* from people_household h join people_household_member m on m.household_id = h.id
			 where m.person_id = :person and m.left_on is null""")
	Optional<Household> findCurrentOf(PersonId person);

}
