package org.jijinan.identity;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * For pages: the name colleagues know a staff member by, where records keep their sign-in name. Templates call it as
 * {@code ${@staffNames.of(record.grantedBy())}}; nobody reads a login on a page.
 */
@Component("staffNames")
public class StaffNames {

	private final StaffDirectory directory;

	StaffNames(StaffDirectory directory) {
		this.directory = directory;
	}

	/**
	 * @param username a sign-in name, or {@code null}
	 * @return the person's display name; the name itself when no account has it (a partner system, the platform);
	 *     "—" for none
	 */
	public String of(@Nullable String username) {
		if (username == null || username.isBlank()) {
			return "—";
		}
		return directory.displayName(username).orElse(username);
	}

	/**
	 * @param subject an audit record's object of kind account: the account's id, or the name tried at a sign-in
	 * @return the holder's display name where an account has that id or name; the subject itself otherwise
	 */
	public String ofAccount(@Nullable String subject) {
		if (subject == null || subject.isBlank()) {
			return "—";
		}
		try {
			return directory.displayNameOf(java.util.UUID.fromString(subject)).orElse(subject);
		}
		catch (IllegalArgumentException notAnId) {
			return of(subject);
		}
	}

}
