package org.jijinan.casework;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored tasks.
 */
interface CaseTasks extends ListCrudRepository<CaseTask, UUID> {

	@Query("select * from casework_task where case_id = :caseId order by referred_at, id")
	List<CaseTask> findByCase(UUID caseId);

	@Query("""
			select * from casework_task where unit_id = :unitId
			 order by case status when 'REFERRED' then 0 when 'ACCEPTED' then 1 when 'RETURNED' then 2 else 3 end,
			          due_at limit 500""")
	List<CaseTask> findByUnit(UUID unitId);

	/**
	 * @return the tasks someone referred that still need them: not yet accepted or done, returned to them, or done
	 *         with a result they have not read, those needing them first
	 */
	@Query("""
			select * from casework_task where referred_by = :by
			   and (status in ('REFERRED', 'ACCEPTED', 'RETURNED') or status = 'COMPLETED' and result_noted_at is null)
			 order by case status when 'RETURNED' then 0 when 'COMPLETED' then 1 else 2 end, due_at limit 500""")
	List<CaseTask> findFollowedBy(String by);

}
