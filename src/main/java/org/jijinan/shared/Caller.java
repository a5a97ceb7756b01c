package org.jijinan.shared;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Whoever makes the current request — a staff member or a partner system — as the modules below {@code identity}
 * need to see it for authorisation. The {@code identity} module's principals implement it.
 */
public interface Caller {

	/**
	 * @return the account or client name, for audit and display
	 */
	String name();

	/**
	 * @return the role names (such as {@code WINDOW_CLERK}) the caller acts with
	 */
	Set<String> roles();

	/**
	 * @return the root of the region subtree the caller may see, or {@code null} for an organisation (department,
	 * charity, agency) that sees only what was referred to it
	 */
	@Nullable DivisionCode regionScope();

	/**
	 * @return the division of the unit the caller acts for — an organisation without a region scope too — or
	 * {@code null} when there is none
	 */
	default @Nullable DivisionCode homeDivision() {
		return regionScope();
	}

	/**
	 * @return the name of the organisation unit the caller acts for, shown as the owner's office on receipts
	 */
	default String organisation() {
		return "";
	}

	/**
	 * @param role a role name
	 * @return whether the caller acts with it
	 */
	default boolean hasRole(String role) {
		return roles().contains(role);
	}

}
