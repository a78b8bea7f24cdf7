package org.medfed.data.tabular;

import java.util.Map;

/**
 * What the coordinator agreed with the hospitals, from their summaries alone: the schema report, the
 * preprocessing every hospital encodes its rows with, and each hospital's row and split counts (for reports).
 *
 * @param rows   per participant, in participant order, the rows it kept
 * @param splits per participant, in participant order, the sizes of its train and test parts
 */
public record TabularAgreement(SchemaReport schema, FittedPreprocessing preprocessing, Map<String, RowSummary> rows,
                               Map<String, SplitSummary> splits) {

    public TabularAgreement {
        rows = PlainCopies.map(rows);
        splits = PlainCopies.map(splits);
    }
}
