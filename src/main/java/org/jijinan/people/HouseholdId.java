package org.jijinan.people;

import java.io.Serializable;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a household in the registry.
 *
 * @param value the UUID
 */
public record HouseholdId(@JsonValue UUID value) implements Serializable {

	/**
	 * @param value the UUID
	 * @return the identifier
	 */
	@JsonCreator
	public static HouseholdId of(UUID value) {
		return new HouseholdId(value);
	}

	/**
	 * @return a fresh identifier
	 */
	public static HouseholdId random() {
		return new HouseholdId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
