package org.jijinan.people;

import java.util.List;

/**
 * One page of search results.
 *
 * @param rows the persons on this page, masked
 * @param total how many match in all
 * @param page this page, from 0
 * @param size rows per page
 */
public record SearchResult(List<PersonView> rows, long total, int page, int size) {
}
