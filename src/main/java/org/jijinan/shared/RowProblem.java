package org.jijinan.shared;

/**
 * What is wrong with one row of an imported file.
 *
 * @param line the line (CSV) or row (spreadsheet) number, counting the header as 1
 * @param code the stable problem code
 * @param arguments message arguments, never personal data
 */
public record RowProblem(long line, String code, Object... arguments) {
}
