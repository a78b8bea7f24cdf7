package org.medfed.data.split;

import java.util.Locale;
import org.medfed.engine.BadInputException;

/**
 * How one table is dealt into simulated hospitals: evenly at random ({@code iid}), with label proportions drawn
 * from a Dirichlet distribution ({@code dirichlet:ALPHA}; small alpha, very uneven hospitals), or one hospital
 * per value of a column ({@code column:NAME}).
 */
public record SplitRule(Kind kind, double alpha, String column) {

    public enum Kind {
        IID,
        DIRICHLET,
        COLUMN
    }

    public static SplitRule parse(String text) {
        String t = text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("iid")) {
            return new SplitRule(Kind.IID, Double.NaN, null);
        }
        if (lower.startsWith("dirichlet:")) {
            try {
                double alpha = Double.parseDouble(t.substring("dirichlet:".length()));
                if (!(alpha > 0) || Double.isInfinite(alpha)) {
                    throw new NumberFormatException();
                }
                return new SplitRule(Kind.DIRICHLET, alpha, null);
            } catch (NumberFormatException e) {
                throw new BadInputException("--by " + t + ": alpha must be a positive number, e.g. dirichlet:0.5");
            }
        }
        if (lower.startsWith("column:") && t.length() > "column:".length()) {
            return new SplitRule(Kind.COLUMN, Double.NaN, t.substring("column:".length()));
        }
        throw new BadInputException("--by " + t + " is unknown; expected iid, dirichlet:ALPHA (e.g. dirichlet:0.5) or column:NAME");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case IID -> "iid";
            case DIRICHLET -> "dirichlet:" + alpha;
            case COLUMN -> "column:" + column;
        };
    }
}
