package org.medfed.study;

/**
 * A hospital's example counts as the coordinator knows them, whether its rows are in this process or behind its
 * node.
 *
 * @param note what preparing the data dropped or changed, or empty
 */
public record SiteCounts(String name, int trainSize, int testSize, String note) {
}
