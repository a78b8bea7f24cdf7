package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvTable;
import org.medfed.engine.BadInputException;

/**
 * Everything needed to turn a raw row into model input exactly as in training: the agreed columns and levels,
 * fill values, the label's classes, and the standardisation (pooled and per participant). It goes into the
 * model card, so that predictions on new files match the run.
 */
public record FittedPreprocessing(List<FeatureColumn> features, String label, LabelRule labelRule,
                                  List<String> classes, MissingPolicy missing, Normalization normalization,
                                  Standardization pooled, Map<String, Standardization> perParticipant) {

    public FittedPreprocessing {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        perParticipant = perParticipant == null ? Map.of() : Map.copyOf(perParticipant);
    }

    public List<String> featureNames() {
        List<String> out = new ArrayList<>();
        features.forEach(f -> out.addAll(f.encodedNames()));
        return out;
    }

    public int inputSize() {
        return features.stream().mapToInt(FeatureColumn::width).sum();
    }

    /** Encodes rows of {@code table}: the features' columns looked up once for all its rows. */
    public RowEncoder encoderFor(CsvTable table) {
        return new RowEncoder(this, table);
    }

    /** The standardisation a participant's rows get, or null for none. */
    public Standardization standardizationFor(String participant) {
        return switch (normalization) {
            case NONE -> null;
            case POOLED -> pooled;
            case LOCAL -> {
                Standardization s = perParticipant.get(participant);
                if (s == null) {
                    throw new BadInputException("the model was trained with each hospital's own normalisation; "
                            + "no statistics for '" + participant + "'. Known: " + String.join(", ", perParticipant.keySet()));
                }
                yield s;
            }
        };
    }

    /** Class index of a raw label, or -1 when it does not fit the rule or is not a known class. */
    public int classOf(String rawLabel) {
        String name = labelRule.apply(rawLabel);
        return name == null ? -1 : classes.indexOf(name);
    }

    /** {@link #classOf(String)} of a table's label value. */
    public int classOf(CsvTable table, int row, int labelColumn) {
        String name = labelRule.apply(table, row, labelColumn);
        return name == null ? -1 : classes.indexOf(name);
    }
}
