package org.medfed.data.tabular;

import java.util.List;
import java.util.Map;

/**
 * What a hospital tells the coordinator about its categories before the split, so that everyone one-hot encodes
 * the same levels and predicts the same classes. Leaves the hospital: per categorical feature column, the names
 * of the levels its usable rows take, and the class names of its labels; no counts, no rows. Level names must
 * leave: a level that only one hospital has still needs its own model input at every hospital.
 *
 * @param levels  per categorical column, its levels in level order (numbers first, in numeric order)
 * @param classes the class names of the usable rows' labels, in level order
 */
public record LevelSummary(Map<String, List<String>> levels, List<String> classes) {

    public LevelSummary {
        levels = PlainCopies.mapOfLists(levels);
        classes = List.copyOf(classes);
    }
}
