package org.jijinan.intake;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored requests.
 */
interface HelpRequests extends ListCrudRepository<HelpRequest, UUID> {

	Optional<HelpRequest> findByNumber(String number);

}
