package org.medfed.data.csv;

import java.util.Locale;
import org.medfed.engine.BadInputException;

/** How a column's values are used. */
public enum ColumnType {
    /** Numbers: used as they are, or standardised. */
    NUMERIC,
    /** A fixed set of levels (text, or codes such as chest-pain type 1-4): one-hot encoded. */
    CATEGORICAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ColumnType parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "numeric", "number" -> NUMERIC;
            case "categorical", "category", "text" -> CATEGORICAL;
            default -> throw new BadInputException("column type '" + text + "' is unknown, expected numeric or categorical");
        };
    }
}
