package org.jijinan.complaints;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The handler saw the complainant's full name and phone, for the purpose recorded (never the values themselves).
 *
 * @param number the complaint
 * @param purpose why
 * @param by who
 * @param at when
 */
public record ComplainantRevealed(String number, String purpose, String by, Instant at) implements ComplaintEvent {

	@Override
	public String auditAction() {
		return "complaints.complainant-revealed";
	}

	@Override
	public String auditActor() {
		return by;
	}

	@Override
	public Map<String, String> auditDetails() {
		return Map.of("purpose", purpose);
	}

	/**
	 * The complainant's identity, in full: for the handler's eyes only, never logged.
	 *
	 * @param name the name, if given
	 * @param phone the phone, if given
	 */
	public record Identity(@Nullable String name, @Nullable String phone) {

		@Override
		public String toString() {
			return "Identity[sealed]";
		}

	}

}
