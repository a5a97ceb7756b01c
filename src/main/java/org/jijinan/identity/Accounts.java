package org.jijinan.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored accounts.
 */
interface Accounts extends ListCrudRepository<Account, AccountId> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	List<Account> findByUnitIdOrderByUsername(UnitId unitId);

	@Query("select count(*) from identity_account")
	long countAll();

}
