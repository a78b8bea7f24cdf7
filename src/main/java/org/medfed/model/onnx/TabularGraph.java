package org.medfed.model.onnx;

import static org.medfed.model.onnx.OnnxGraph.attr;

import java.util.ArrayList;
import java.util.List;
import onnx.Onnx.TensorProto.DataType;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.tabular.FeatureColumn;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.MissingPolicy;
import org.medfed.data.tabular.Standardization;

/**
 * The model card's table preprocessing as ONNX operators, so that the file takes the raw columns: one graph
 * input per feature column, named after it, a 1-D tensor with one value per row.
 *
 * <ul>
 *   <li>A numeric column is float32; NaN marks a missing value.</li>
 *   <li>A categorical column whose levels are all numbers (codes such as chest-pain type 1-4) is float32 too,
 *       compared as numbers, so 2 and 2.0 are the same level, as in training; NaN marks a missing value.</li>
 *   <li>Any other categorical column is a string tensor holding the value as written (without surrounding
 *       spaces); the empty string marks a missing value.</li>
 * </ul>
 * Missing values are filled with the card's pooled mean or most frequent level when the study imputed them;
 * categories become one-hot columns (Equal against the levels, the first level dropped where training dropped
 * it); the encoded row is standardised with the card's z-scores in double precision, exactly as
 * {@link Standardization#apply} does. A row that training would have refused (a missing value the study did not
 * impute, or a category no hospital had) is flagged false in {@code input_ok}.
 */
final class TabularGraph {

    /** The encoded, standardised features {@code [N, inputSize]} and whether each row was usable {@code [N]}. */
    record Encoded(String features, String ok) {
    }

    private TabularGraph() {
    }

    /** True when a categorical column takes numbers in the ONNX file (all its levels are numbers). */
    static boolean numberCoded(FeatureColumn f) {
        return f.type() == ColumnType.NUMERIC || f.levels().stream().allMatch(TabularGraph::isNumber)
                && (f.imputeLevel() == null || isNumber(f.imputeLevel()));
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Encoded append(OnnxGraph g, FittedPreprocessing prep, Standardization z) {
        boolean impute = prep.missing() == MissingPolicy.IMPUTE;
        String axis1 = g.int64s("axis1", new long[] {1}, 1);
        List<String> pieces = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (FeatureColumn f : prep.features()) {
            boolean numbers = numberCoded(f);
            g.input(f.name(), numbers ? DataType.FLOAT : DataType.STRING, describe(f, numbers, impute), -1);
            String x = g.op("Unsqueeze", List.of(f.name(), axis1));
            if (f.type() == ColumnType.NUMERIC) {
                pieces.add(impute ? g.op("Where", List.of(g.op("IsNaN", List.of(x)),
                        g.floats(f.name() + "_fill", new float[] {(float) f.imputeNumber()}, 1), x)) : x);
                continue;
            }
            String levels;
            if (numbers) {
                float[] codes = new float[f.levels().size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = (float) Double.parseDouble(f.levels().get(i));
                }
                levels = g.floats(f.name() + "_levels", codes, 1, codes.length);
                if (impute && f.imputeLevel() != null) {
                    x = g.op("Where", List.of(g.op("IsNaN", List.of(x)), g.floats(f.name() + "_fill",
                            new float[] {(float) Double.parseDouble(f.imputeLevel())}, 1), x));
                }
            } else {
                levels = g.strings(f.name() + "_levels", f.levels(), 1, f.levels().size());
                if (impute && f.imputeLevel() != null) {
                    String empty = g.strings("empty", List.of(""), 1);
                    x = g.op("Where", List.of(g.op("Equal", List.of(x, empty)),
                            g.strings(f.name() + "_fill", List.of(f.imputeLevel()), 1), x));
                }
            }
            String oneHot = g.op("Cast", List.of(g.op("Equal", List.of(x, levels))), attr("to", DataType.FLOAT_VALUE));
            known.add(g.op("Cast", List.of(g.op("ReduceMax", List.of(oneHot, axis1), attr("keepdims", 0))),
                    attr("to", DataType.BOOL_VALUE)));
            int width = f.encodedLevels().size();
            if (width == 0) {
                continue;
            }
            if (width < f.levels().size()) {
                oneHot = g.op("Slice", List.of(oneHot, axis1, g.int64s("end", new long[] {f.levels().size()}, 1), axis1));
            }
            pieces.add(oneHot);
        }
        String features = pieces.size() == 1 ? pieces.get(0) : g.op("Concat", pieces, attr("axis", 1));
        // a missing value that was not filled is NaN and makes the row's sum NaN
        String ok = g.op("Not", List.of(g.op("IsNaN", List.of(g.op("ReduceSum", List.of(features, axis1),
                attr("keepdims", 0))))));
        for (String k : known) {
            ok = g.op("And", List.of(ok, k));
        }
        if (z != null) {
            int n = z.mean().length;
            double[] scale = new double[n];
            for (int i = 0; i < n; i++) {
                scale[i] = Standardization.scale(z.std()[i]);
            }
            String d = g.op("Cast", List.of(features), attr("to", DataType.DOUBLE_VALUE));
            d = g.op("Div", List.of(g.op("Sub", List.of(d, g.doubles("mean", z.mean(), n))), g.doubles("scale", scale, n)));
            features = g.op("Cast", List.of(d), attr("to", DataType.FLOAT_VALUE));
        }
        return new Encoded(features, ok);
    }

    private static String describe(FeatureColumn f, boolean numbers, boolean impute) {
        String missing = (numbers ? "NaN" : "the empty string") + " when missing"
                + (impute ? " (filled as in training)" : " (the row is then flagged in input_ok)");
        if (f.type() == ColumnType.NUMERIC) {
            return "column '" + f.name() + "': a number; " + missing;
        }
        return "column '" + f.name() + "': one of " + String.join(", ", f.levels()) + (numbers ? ", as a number" : "")
                + "; " + missing;
    }
}
