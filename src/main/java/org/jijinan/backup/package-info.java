/**
 * Backups and restores (备份与恢复): a consistent copy of everything the platform needs to come back after the loss of
 * its disk — every table of the database read in one snapshot while the platform keeps working, the attachment,
 * photo, document and import folders, and the master key sealed under a passphrase the county keeps elsewhere — with a
 * manifest that names each part with its size and SHA-256 and is itself authenticated by the passphrase. A restore
 * checks every part and the passphrase before it writes anything, and writes into an empty database only.
 * <p>
 * An embedded installation also backs itself up on a schedule (daily by default) into a backup folder, keeping the
 * newest few; each run is recorded and audited, and a failed or missed one is put on the county administrators'
 * workbench (through identity's {@code WaitingWork}) and shown as {@code WARNING} in the health endpoint.
 * <p>
 * Works on JDBC connections and folders it is handed; the command line in the application's root package decides
 * which database (embedded or external) and which folders. The schema is never copied: a restore builds it with the
 * release's own migrations up to the backup's schema version, then loads the rows, so a backup restores on the
 * release that made it and on any later one.
 */
@ApplicationModule(displayName = "Backup 备份", allowedDependencies = { "shared", "identity" })
@NullMarked
package org.jijinan.backup;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
