package org.jijinan.casework;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored cases.
 */
interface Cases extends ListCrudRepository<Case, UUID> {

	@Query("select * from casework_case where number = :number")
	Optional<Case> findByNumber(String number);

	@Query("select * from casework_case where person_id = :personId")
	List<Case> findAllAbout(UUID personId);

	@Query("""
			select c.* from casework_case c join casework_case_request r on r.case_id = c.id
			 where r.request_number = :requestNumber""")
	Optional<Case> findByRequest(String requestNumber);

	@Query("""
			select * from casework_case where household_id = :householdId
			   and status not in ('CLOSED', 'WITHDRAWN', 'TRANSFERRED') order by opened_at limit 1""")
	Optional<Case> findOpenForHousehold(UUID householdId);

	@Query("""
			select * from casework_case where person_id = :personId
			   and status not in ('CLOSED', 'WITHDRAWN', 'TRANSFERRED') order by opened_at limit 1""")
	Optional<Case> findOpenForPerson(UUID personId);

}
