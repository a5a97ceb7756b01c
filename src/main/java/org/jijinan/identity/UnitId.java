package org.jijinan.identity;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies an organisation unit.
 *
 * @param value the UUID
 */
public record UnitId(@JsonValue UUID value) implements java.io.Serializable {

	/**
	 * @param value the UUID
	 * @return the identifier
	 */
	@JsonCreator
	public static UnitId of(UUID value) {
		return new UnitId(value);
	}

	/**
	 * @return a fresh identifier
	 */
	public static UnitId random() {
		return new UnitId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
