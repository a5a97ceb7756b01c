package org.jijinan.casework;

import java.time.Instant;

/**
 * The legal basis on which a case may be shared beyond the government (with charities and social-work agencies).
 *
 * @param basis consent or entrustment
 * @param reference the signed document (its number or where it is filed)
 * @param recordedBy who recorded it
 * @param recordedAt when
 */
public record SharingBasis(Kind basis, String reference, String recordedBy, Instant recordedAt) {

	/**
	 * The kinds of legal basis.
	 */
	public enum Kind {

		/** 本人（监护人）书面同意. */
		CONSENT,
		/** 委托协议. */
		ENTRUSTMENT

	}

}
