package org.jijinan.casework;

import java.util.List;

import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

/**
 * What other modules offer on a case's page under "下一步": the steps this viewer may take now, each one click from
 * where it is done, and, where the viewer would expect a step they may not take, who can. Modules that act on cases
 * (relief: emergency aid, proposals, review and approval) implement it; the case page lists what they answer.
 */
public interface NextSteps {

	/**
	 * @param found the case, already read within the viewer's scope
	 * @param viewer who looks at it
	 * @return the steps open to the viewer, most pressing first; empty when none
	 */
	List<NextStep> on(CaseView found, Caller viewer);

	/**
	 * One line of the panel.
	 *
	 * @param labelKey message key of what the step is, or of who can take it when there is no link
	 * @param link where it is done; {@code null} for a line that only says who can
	 * @param urgent shown highlighted
	 */
	record NextStep(String labelKey, @Nullable String link, boolean urgent) {

		/**
		 * @return a line that says who can take a step this viewer may not
		 */
		public static NextStep note(String labelKey) {
			return new NextStep(labelKey, null, false);
		}

	}

}
