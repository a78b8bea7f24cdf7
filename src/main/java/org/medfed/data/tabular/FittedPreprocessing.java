package org.medfed.data.tabular;

import org.medfed.data.csv.CsvNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medfed.data.csv.ColumnType;
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

    /**
     * The encoded, unstandardised features of a row; {@code valueOf} gives the raw value of a column (null
     * when missing). {@code where} names the row in messages ("hospital-b.csv line 17").
     */
    public float[] encode(Function<String, String> valueOf, boolean imputeMissing, String where) {
        float[] x = new float[inputSize()];
        int offset = 0;
        for (FeatureColumn f : features) {
            String raw = valueOf.apply(f.name());
            if (f.type() == ColumnType.NUMERIC) {
                double v;
                if (raw == null) {
                    if (!imputeMissing) {
                        throw new BadInputException(where + ": column '" + f.name() + "' is missing a value");
                    }
                    v = f.imputeNumber();
                } else {
                    String problem = CsvNumber.problem(f.name(), raw);
                    if (problem != null) {
                        throw new BadInputException(where + ": " + problem);
                    }
                    v = CsvNumber.parse(raw);
                }
                x[offset++] = (float) v;
            } else {
                String level = raw == null ? (imputeMissing ? f.imputeLevel() : null) : LabelRule.canonical(raw);
                if (level == null) {
                    throw new BadInputException(where + ": column '" + f.name() + "' is missing a value");
                }
                int index = f.levels().indexOf(level);
                if (index < 0) {
                    throw new BadInputException(where + ": column '" + f.name() + "' has the value '" + raw
                            + "', which no hospital had in training; known values: " + String.join(", ", f.levels()));
                }
                List<String> encoded = f.encodedLevels();
                int slot = encoded.indexOf(level);
                if (slot >= 0) {
                    x[offset + slot] = 1f;
                }
                offset += encoded.size();
            }
        }
        return x;
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
}
