package org.medfed.data.tabular;

import java.util.List;
import java.util.Map;
import org.medfed.data.csv.ColumnType;
import org.medfed.engine.BadInputException;

/**
 * The data settings of a tabular study, applied identically at every participant.
 *
 * @param label          the label column
 * @param features       columns to use; empty means every column except the label and {@code drop}
 * @param drop           columns to leave out
 * @param types          column types that override inference (codes such as 1-4 that are categories)
 * @param missing        what to do with missing feature values
 * @param dropFirstLevel one-hot encoding leaves out each category's first level (avoids collinear columns)
 * @param normalization  standardisation of the encoded features
 * @param labelRule      how label values become classes
 * @param trainFraction  share of each participant's rows used for training, the rest for testing
 * @param splitSeed      seed of the train/test split
 * @param stratify       keep the class balance in both parts when every class has enough rows
 * @param keep           columns that look like identifiers but are features all the same (the schema check
 *                       otherwise leaves such columns out)
 */
public record TabularSettings(String label, List<String> features, List<String> drop, Map<String, ColumnType> types,
                              MissingPolicy missing, boolean dropFirstLevel, Normalization normalization,
                              LabelRule labelRule, double trainFraction, long splitSeed, boolean stratify,
                              List<String> keep) {

    public TabularSettings {
        if (label == null || label.isBlank()) {
            throw new BadInputException("choose the label column: the outcome the model should predict");
        }
        features = features == null ? List.of() : List.copyOf(features);
        drop = drop == null ? List.of() : List.copyOf(drop);
        types = types == null ? Map.of() : Map.copyOf(types);
        keep = keep == null ? List.of() : List.copyOf(keep);
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new BadInputException("data.trainFraction (the share of each hospital's rows used for training) is "
                    + trainFraction + "; it must be between 0 and 1, both excluded");
        }
        if (features.contains(label)) {
            throw new BadInputException("column '" + label + "' is the label and cannot also be a feature");
        }
    }

    /** No column that looks like an identifier is kept. */
    public TabularSettings(String label, List<String> features, List<String> drop, Map<String, ColumnType> types,
                           MissingPolicy missing, boolean dropFirstLevel, Normalization normalization,
                           LabelRule labelRule, double trainFraction, long splitSeed, boolean stratify) {
        this(label, features, drop, types, missing, dropFirstLevel, normalization, labelRule, trainFraction,
                splitSeed, stratify, List.of());
    }

    /**
     * Whether a column may be a feature: one of the chosen features, or when none are chosen, any column but the
     * label and the dropped ones.
     */
    public boolean mayBeFeature(String column) {
        return features.isEmpty() ? !column.equals(label) && !drop.contains(column) : features.contains(column);
    }

    /** Defaults: all other columns, drop rows with missing values, one-hot without the first level, pooled z-score. */
    public static TabularSettings defaults(String label) {
        return new TabularSettings(label, List.of(), List.of(), Map.of(), MissingPolicy.DROP_ROWS, true,
                Normalization.POOLED, LabelRule.AS_IS, 0.8, 42, true);
    }

    public TabularSettings withNormalization(Normalization n) {
        return new TabularSettings(label, features, drop, types, missing, dropFirstLevel, n, labelRule, trainFraction,
                splitSeed, stratify, keep);
    }

    public TabularSettings withLabelRule(LabelRule rule) {
        return new TabularSettings(label, features, drop, types, missing, dropFirstLevel, normalization, rule,
                trainFraction, splitSeed, stratify, keep);
    }

    public TabularSettings withTrainFraction(double fraction, long seed) {
        return new TabularSettings(label, features, drop, types, missing, dropFirstLevel, normalization, labelRule,
                fraction, seed, stratify, keep);
    }

    public TabularSettings withKeep(List<String> columns) {
        return new TabularSettings(label, features, drop, types, missing, dropFirstLevel, normalization, labelRule,
                trainFraction, splitSeed, stratify, columns);
    }

    public TabularSettings withMissing(MissingPolicy policy) {
        return new TabularSettings(label, features, drop, types, policy, dropFirstLevel, normalization, labelRule,
                trainFraction, splitSeed, stratify, keep);
    }
}
