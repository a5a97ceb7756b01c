/**
 * The people registry (人员与家庭): persons with validated citizen ID numbers, provisional persons until their ID is
 * known, households and their members over time, and each person's or household's standing in the assistance
 * categories (低保, 特困, …) with the source of every entry. ID numbers and phone numbers are stored sealed with
 * keyed hashes for exact look-up, shown masked, and revealed only to roles that may, with a purpose that is audited.
 * <p>
 * Does not know about requests, cases or payments; those modules refer to persons and households by ID.
 */
@ApplicationModule(displayName = "People 人员与家庭", allowedDependencies = { "shared", "region", "identity" })
@NullMarked
package org.jijinan.people;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
