package org.medfed.gui.participants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvNumber;
import org.medfed.data.csv.DateText;
import org.medfed.data.tabular.LabelRule;
import org.medfed.engine.BadInputException;
import org.medfed.project.DataSection;

/**
 * What a hospital would refuse to send when the run agrees on classes and levels (SiteTable), said on its row so
 * that Run is stopped with the reason before it starts: a label of more than 50 values (a measurement, under the
 * as-is rule; nonzero-positive makes two classes of any number of values), or a column of categories of more than 50
 * (free text). A column the check already speaks of (an identifier left out, numbers with decimal commas) is left
 * to its words.
 */
final class TooManyValues {

    private TooManyValues() {
    }

    /**
     * The problems of the hospital's file {@code s} by column, in the file's order; {@code identifiers} are the
     * columns the check leaves out as such.
     */
    static Map<String, String> at(DataFileSummary s, DataSection data, List<String> identifiers) {
        if (data == null || data.label() == null) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        String file = String.valueOf(s.file().getFileName());
        ColumnProfile label = s.profiles().get(data.label());
        if (label != null && label.distinct() < 0 && LabelRule.AS_IS.id().equals(data.labelRule())) {
            out.put(data.label(), "the label '" + data.label() + "' has more than " + ColumnProfile.MAX_LEVELS + " different values in "
                    + file + ": a classification needs a column of a few classes as the label (Task and model).");
        }
        org.medfed.data.tabular.TabularSettings settings;
        try {
            settings = data.tabularSettings();
        } catch (BadInputException e) {
            return out; // a setting the Task screen shows as invalid: the features are not known yet
        }
        for (ColumnProfile p : s.profiles().values()) {
            String typed = data.types().get(p.name());
            boolean categories = typed == null ? p.inferredType() == ColumnType.CATEGORICAL
                    : ColumnType.CATEGORICAL.id().equalsIgnoreCase(typed);
            if (categories && p.distinct() < 0 && settings.mayBeFeature(p.name())
                    && !CsvNumber.writtenWithDecimalComma(p.firstText()) && !identifiers.contains(p.name())) {
                out.put(p.name(), "column '" + p.name() + "' has more than " + ColumnProfile.MAX_LEVELS + " different values in "
                        + file + ": too many for a column of categories; " + (DateText.looksLikeDate(p.firstText())
                        ? "it holds dates (such as '" + p.firstText() + "'): leave it out (Task and model), or add to "
                        + "the file a number made from it (an age, days since an event)."
                        : "leave it out or set its type to numeric (Task and model)."));
            }
        }
        return out;
    }
}
