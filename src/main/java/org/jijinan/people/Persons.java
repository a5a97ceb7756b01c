package org.jijinan.people;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored persons.
 */
interface Persons extends ListCrudRepository<Person, PersonId> {

	Optional<Person> findByIdNumberHash(String idNumberHash);

}
