package org.medfed.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.CsvWriter;
import org.medfed.io.OutputFolder;
import org.medfed.data.csv.HeaderMode;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.MissingPolicy;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.Standardization;
import org.medfed.engine.BadInputException;
import org.medfed.metrics.ClassificationMetrics;
import org.medfed.model.ModelFiles;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;

/**
 * Applies an exported model to new rows with exactly the preprocessing of training, read from the model card:
 * the same columns, levels, fill values and standardisation.
 */
public final class Prediction {

    /** What a prediction run did, for the terminal or a dialog. */
    public record Summary(int rows, int predicted, int skipped, String firstSkipReason, Double accuracy,
                          String normalizationNote) {
        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(predicted).append(" of ").append(rows).append(" rows predicted");
            if (skipped > 0) {
                sb.append("; ").append(skipped).append(" left without a prediction (first: ").append(firstSkipReason).append(')');
            }
            if (accuracy != null) {
                sb.append(String.format(Locale.ROOT, "; accuracy against the file's label column: %.3f", accuracy));
            }
            if (normalizationNote != null) {
                sb.append("\nnote: ").append(normalizationNote);
            }
            return sb.toString();
        }
    }

    private Prediction() {
    }

    public static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + ".predictions.csv");
    }

    public static Summary predictFile(Path modelDir, Path input, String participant, Path output) {
        OutputFolder.requireFinishedPart(modelDir);
        ModelCard card = ModelCardFile.load(modelDir);
        ModelFiles.TrainedModel model = ModelFiles.load(modelDir);
        FittedPreprocessing prep = card.preprocessing();
        if (model.inputSize() != prep.inputSize()) {
            throw new BadInputException(modelDir, null, "model.zip takes " + model.inputSize()
                    + " inputs but its card describes " + prep.inputSize() + ": the folder's files do not belong together");
        }
        CsvTable table = CsvReader.read(input, format(card));
        for (var f : prep.features()) {
            if (table.columnIndex(f.name()) < 0) {
                throw new BadInputException(input, null, "has no column '" + f.name() + "', which the model needs; its "
                        + "columns are " + String.join(", ", table.columns()));
            }
        }
        String note = null;
        Standardization z;
        if (prep.normalization() == Normalization.LOCAL && participant == null) {
            z = prep.pooled();
            note = "the model was trained with each hospital's own z-scores; none was chosen (--participant NAME), so "
                    + "the pooled statistics were used. Known hospitals: " + String.join(", ", prep.perParticipant().keySet());
        } else {
            z = participant == null ? prep.standardizationFor("") : prep.standardizationFor(participant);
        }
        boolean impute = prep.missing() == MissingPolicy.IMPUTE;
        List<float[]> inputs = new ArrayList<>();
        List<Integer> inputRows = new ArrayList<>();
        String[] notes = new String[table.rowCount()];
        String firstSkip = null;
        for (int r = 0; r < table.rowCount(); r++) {
            final int row = r;
            try {
                float[] x = prep.encode(c -> table.value(row, table.columnIndex(c)), impute,
                        table.fileName() + " " + table.line(r));
                inputs.add(z == null ? x : z.apply(x));
                inputRows.add(r);
            } catch (BadInputException e) {
                notes[r] = e.getMessage();
                if (firstSkip == null) {
                    firstSkip = e.getMessage();
                }
            }
        }
        float[][] probabilities = model.probabilities(inputs.toArray(new float[0][]));
        List<String> columns = new ArrayList<>(table.columns());
        columns.add("predicted");
        for (String c : prep.classes()) {
            columns.add("probability_" + c);
        }
        columns.add("note");
        int labelColumn = table.columnIndex(prep.label());
        int correct = 0;
        int labelled = 0;
        List<String[]> rows = new ArrayList<>();
        int k = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            String[] original = table.rows().get(r);
            String[] outRow = java.util.Arrays.copyOf(original, columns.size());
            int base = original.length;
            if (k < inputRows.size() && inputRows.get(k) == r) {
                float[] p = probabilities[k++];
                int predicted = ClassificationMetrics.predictedClass(p, prep.classes().size());
                outRow[base] = prep.classes().get(predicted);
                for (int c = 0; c < prep.classes().size(); c++) {
                    double pc = p.length == 1 ? (c == 1 ? p[0] : 1 - p[0]) : p[c];
                    outRow[base + 1 + c] = String.format(Locale.ROOT, "%.6f", pc);
                }
                if (labelColumn >= 0 && original[labelColumn] != null) {
                    int truth = prep.classOf(original[labelColumn]);
                    if (truth >= 0) {
                        labelled++;
                        correct += truth == predicted ? 1 : 0;
                    }
                }
            } else {
                outRow[columns.size() - 1] = notes[r];
            }
            rows.add(outRow);
        }
        CsvWriter.write(output, columns, rows);
        return new Summary(table.rowCount(), inputRows.size(), table.rowCount() - inputRows.size(), firstSkip,
                labelled > 0 ? (double) correct / labelled : null, note);
    }

    private static CsvFormat format(ModelCard card) {
        ModelCard.InputFormat f = card.input();
        if (f == null) {
            return CsvFormat.defaults();
        }
        char sep = CsvFormat.parseSeparator(f.separator());
        HeaderMode header = f.header() == null ? HeaderMode.AUTO : switch (f.header().toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> HeaderMode.YES;
            case "no", "false" -> HeaderMode.NO;
            default -> HeaderMode.AUTO;
        };
        return new CsvFormat(sep, header, f.missingValues() == null ? CsvFormat.DEFAULT_MISSING
                : new java.util.HashSet<>(f.missingValues()), f.columnNames());
    }
}
