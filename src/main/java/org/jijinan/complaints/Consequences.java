package org.jijinan.complaints;

import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

/**
 * What a founded complaint set in motion, as its handler chose with the answer: the case whose decision went back
 * to decision, a supervision order on that case, an accountability record against the unit complained about and the
 * person named.
 *
 * @param caseNumber the case concerned, when one is
 * @param caseTownship the township handling that case
 * @param caseHandler who handles that case (and so answers a supervision order on it)
 * @param reopened whether its decision was sent back to decision (重新审核)
 * @param stopped whether its aid was stopped and what it paid is to be recovered (停发、追回)
 * @param order the instruction of a supervision order on the case (督办), when one is issued
 * @param accountable whether an accountability record is made (责任追究)
 * @param person the person held responsible, when named
 */
public record Consequences(@Nullable String caseNumber, @Nullable DivisionCode caseTownship,
		@Nullable String caseHandler, boolean reopened, boolean stopped, @Nullable String order, boolean accountable,
		@Nullable String person) {

	/** Nothing set in motion. */
	static final Consequences NONE = new Consequences(null, null, null, false, false, null, false, null);

	/**
	 * What the handler asks the answer to set in motion.
	 *
	 * @param caseNumber the case concerned
	 * @param reopen send its decision back to decision
	 * @param stop stop its aid and recover what it paid
	 * @param order the instruction of a supervision order on it
	 * @param accountable hold the unit complained about responsible
	 * @param person the person held responsible
	 */
	public record Asked(@Nullable String caseNumber, boolean reopen, boolean stop, @Nullable String order,
			boolean accountable, @Nullable String person) {

		boolean any() {
			return reopen || stop || order != null || accountable;
		}

	}

}
