package org.medfed.data.tabular;

import java.util.Locale;
import org.medfed.engine.BadInputException;

/** How encoded features are standardised (z-score), each hospital on its own training rows or pooled. */
public enum Normalization {
    NONE,
    /** Each participant with the mean and standard deviation of its own training rows (FLamby's choice). */
    LOCAL,
    /** Everyone with the pooled mean and standard deviation, computed from counts and sums, never rows. */
    POOLED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Normalization parse(String text) {
        for (Normalization n : values()) {
            if (n.id().equalsIgnoreCase(text)) {
                return n;
            }
        }
        throw new BadInputException("normalisation '" + text + "' is unknown, expected none, local or pooled");
    }
}
