package org.jijinan.identity;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Identifies a staff account.
 *
 * @param value the UUID
 */
public record AccountId(@JsonValue UUID value) implements java.io.Serializable {

	/**
	 * @param value the UUID
	 * @return the identifier
	 */
	@JsonCreator
	public static AccountId of(UUID value) {
		return new AccountId(value);
	}

	/**
	 * @return a fresh identifier
	 */
	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
