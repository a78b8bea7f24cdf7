package org.medfed.data.tabular;

import java.util.Locale;
import org.medfed.engine.BadInputException;

/** What to do with a row that has a missing feature value (rows without a label are always dropped). */
public enum MissingPolicy {
    /** Leave the row out. */
    DROP_ROWS,
    /** Fill numbers with the pooled mean and categories with the pooled most frequent level. */
    IMPUTE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MissingPolicy parse(String text) {
        for (MissingPolicy p : values()) {
            if (p.id().equalsIgnoreCase(text) || p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new BadInputException("missing-value policy '" + text + "' is unknown, expected drop-rows or impute");
    }
}
