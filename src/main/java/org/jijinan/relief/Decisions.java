package org.jijinan.relief;

import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface Decisions extends ListCrudRepository<Decision, UUID> {

	List<Decision> findByCaseNumberOrderByProposedAt(String caseNumber);

}
