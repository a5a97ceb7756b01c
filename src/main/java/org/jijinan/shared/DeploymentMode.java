package org.jijinan.shared;

/**
 * How this instance was started.
 *
 * @param demo demo data is loaded and every page says so
 * @param embeddedDatabase the platform runs its own PostgreSQL
 */
public record DeploymentMode(boolean demo, boolean embeddedDatabase) {
}
