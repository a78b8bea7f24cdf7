package org.medfed.data.tabular;

import java.util.Locale;
import org.medfed.engine.BadInputException;

/** How label values become classes. */
public enum LabelRule {
    /** Every distinct value is a class. */
    AS_IS,
    /** 0 is class 0 and any other number class 1 (heart disease: "num > 0" means disease). */
    NONZERO_POSITIVE;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LabelRule parse(String text) {
        for (LabelRule r : values()) {
            if (r.id().equalsIgnoreCase(text) || r.name().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new BadInputException("label rule '" + text + "' is unknown, expected as-is or nonzero-positive");
    }

    /** The class name of a raw label value, or null when the value does not fit the rule. */
    public String apply(String raw) {
        if (this == AS_IS) {
            return canonical(raw);
        }
        try {
            return Double.parseDouble(raw.trim()) == 0 ? "0" : "1";
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "1.0" and "1" name the same class. */
    static String canonical(String raw) {
        String s = raw.trim();
        try {
            double d = Double.parseDouble(s);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return s;
        } catch (NumberFormatException e) {
            return s;
        }
    }
}
