package org.jijinan.identity;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One role an account holds.
 *
 * @param role the role
 */
@Table("identity_account_role")
record RoleGrant(Role role) {
}
