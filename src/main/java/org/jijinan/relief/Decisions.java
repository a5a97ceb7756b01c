package org.jijinan.relief;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Decisions extends ListCrudRepository<Decision, UUID> {

	List<Decision> findByCaseNumberOrderByProposedAt(String caseNumber);

	@Query("select * from relief_decision where person_id = :personId and status in ('PROPOSED', 'REVIEWED')")
	List<Decision> findOpenAbout(UUID personId);

	@Query("""
			select * from relief_decision where township_path like :scope || '%' and status in ('PROPOSED', 'REVIEWED')
			 order by proposed_at limit 500""")
	List<Decision> findPending(String scope);

}
