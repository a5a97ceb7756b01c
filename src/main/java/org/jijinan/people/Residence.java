package org.jijinan.people;

import org.jijinan.shared.DivisionCode;

/**
 * The village of a person's registered residence and its path in the region tree (a copy: divisions never move).
 *
 * @param village the village code
 * @param path its path, for scope checks
 */
record Residence(DivisionCode village, String path) {
}
