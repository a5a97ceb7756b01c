package org.jijinan.intake;

import java.util.Collection;
import java.util.Set;

/**
 * Whether help reached the people of cases, answered by the module that records aid: the reporter of a request
 * learns that it led to help, never what or how much.
 */
public interface CaseAid {

	/**
	 * @param caseNumbers cases' numbers
	 * @return those of them in which aid of any scheme was given and not reversed
	 */
	Set<String> aided(Collection<String> caseNumbers);

}
