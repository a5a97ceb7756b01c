package org.jijinan.timelimits;

/**
 * The platform's own limit where neither the county nor the township set one: the module that counts the limit
 * declares it as a bean from its configuration (for acceptance {@code jijinan.intake.*}, for referrals
 * {@code jijinan.casework.*}, for investigation and decision {@code jijinan.supervision.*}).
 *
 * @param limit which
 * @param length how long
 */
public record TimeLimitDefault(TimeLimit limit, Limit length) {
}
