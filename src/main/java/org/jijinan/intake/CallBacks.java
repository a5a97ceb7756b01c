package org.jijinan.intake;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored call-backs.
 */
interface CallBacks extends ListCrudRepository<CallBack, UUID> {

	Optional<CallBack> findByRequestNumber(String requestNumber);

}
