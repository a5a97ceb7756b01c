package org.jijinan.intake;

/**
 * A hardship cause from the configurable taxonomy, as forms list it.
 *
 * @param code its code
 * @param chineseName its Chinese name
 * @param englishName its English name
 */
public record HardshipCause(String code, String chineseName, String englishName) {
}
