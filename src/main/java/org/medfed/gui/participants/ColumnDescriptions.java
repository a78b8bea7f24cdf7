package org.medfed.gui.participants;

import java.util.Locale;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.gui.common.NumberFields;
import org.medfed.project.DataSection;

/** How a column of a hospital's file is described in the preview: its type, range and role in the study. */
final class ColumnDescriptions {

    private ColumnDescriptions() {
    }

    static String typeText(ColumnProfile c, DataSection data) {
        String forced = data == null ? null : data.types().get(c.name());
        String inferred = c.inferredType().name().toLowerCase(Locale.ROOT);
        return forced != null && !forced.equalsIgnoreCase(inferred) ? forced + " (set; looks " + inferred + ")" : inferred;
    }

    static String range(ColumnProfile c) {
        if (Double.isNaN(c.min())) {
            return c.firstText() == null ? "" : "e.g. '" + c.firstText() + "'";
        }
        return NumberFields.format(c.min()) + " – " + NumberFields.format(c.max());
    }

    static String role(String column, DataSection data, boolean leftOutAsIdentifier) {
        if (data == null) {
            return "";
        }
        if (column.equals(data.label())) {
            return "label";
        }
        if (data.drop().contains(column) || (!data.features().isEmpty() && !data.features().contains(column))) {
            return "left out";
        }
        return leftOutAsIdentifier ? "left out: identifier" : "feature";
    }

}
