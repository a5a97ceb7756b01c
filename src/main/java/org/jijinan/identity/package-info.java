/**
 * Organisation units (county bureau, townships, villages, partner departments, charities, agencies, the hotline
 * centre, the supervision office), staff accounts with their roles and data scope, login with lockout and a TOTP
 * second factor, bearer tokens for the API, and the home page that shows each person what waits for them.
 * <p>
 * Does not decide what a role may do inside other modules' workflows; those modules check roles and scopes against
 * the {@code Caller} this module authenticates.
 */
@ApplicationModule(displayName = "Identity 机构与账户", allowedDependencies = { "shared", "region" })
@NullMarked
package org.jijinan.identity;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
