package org.jijinan.backup;

/**
 * A backup or restore that cannot be done as asked, with the reason in words the operator can act on. Nothing marked
 * good was left behind: a refused backup leaves no manifest, a refused restore has written nothing.
 */
public class BackupRefused extends RuntimeException {

	public BackupRefused(String message) {
		super(message);
	}

	public BackupRefused(String message, Throwable cause) {
		super(message, cause);
	}

}
