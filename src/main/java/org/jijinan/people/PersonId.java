package org.jijinan.people;

import java.io.Serializable;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a person in the registry.
 *
 * @param value the UUID
 */
public record PersonId(@JsonValue UUID value) implements Serializable {

	/**
	 * @param value the UUID
	 * @return the identifier
	 */
	@JsonCreator
	public static PersonId of(UUID value) {
		return new PersonId(value);
	}

	/**
	 * @return a fresh identifier
	 */
	public static PersonId random() {
		return new PersonId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
