package org.medfed.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.CsvWriter;
import org.medfed.data.csv.HeaderMode;
import org.medfed.data.tabular.FittedPreprocessing;
import org.medfed.data.tabular.MissingPolicy;
import org.medfed.data.tabular.Normalization;
import org.medfed.data.tabular.RowEncoder;
import org.medfed.data.tabular.Standardization;
import org.medfed.engine.BadInputException;
import org.medfed.io.FileTrees;
import org.medfed.io.OutputFolder;
import org.medfed.metrics.ClassificationMetrics;
import org.medfed.model.ModelFiles;
import org.medfed.model.onnx.OnnxExport;
import org.medfed.model.onnx.OnnxModel;
import org.medfed.project.ModelCard;
import org.medfed.project.ModelCardFile;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * Applies an exported model to new rows with exactly the preprocessing of training, read from the model card:
 * the same columns, levels, fill values and standardisation.
 */
public final class Prediction {

    /**
     * What a prediction run did, for the terminal or a dialog.
     *
     * @param normalizationNote a note on how the input was read or where more output went, or null
     * @param unit   what was predicted ("rows" of a table, "files" of images)
     * @param labels where the true classes came from, for the accuracy
     */
    public record Summary(int rows, int predicted, int skipped, String firstSkipReason, Double accuracy,
                          String normalizationNote, String unit, String labels) {

        Summary(int rows, int predicted, int skipped, String firstSkipReason, Double accuracy, String normalizationNote) {
            this(rows, predicted, skipped, firstSkipReason, accuracy, normalizationNote, "rows", "the file's label column");
        }

        public String describe() {
            StringBuilder sb = new StringBuilder();
            sb.append(predicted).append(" of ").append(rows).append(' ').append(unit).append(" predicted");
            if (skipped > 0) {
                sb.append("; ").append(skipped).append(" left without a prediction (first: ").append(firstSkipReason).append(')');
            }
            if (accuracy != null) {
                sb.append(String.format(Locale.ROOT, "; accuracy against %s: %.3f", labels, accuracy));
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

    /**
     * Whether {@link #withRunModel} applies to a run's model: one of table columns or of images (not a genetic risk
     * model, whose inputs, genotypes, no table here holds).
     */
    public static boolean applies(StudyResult result) {
        return !result.history().rounds().isEmpty() && !"genotypes".equals(result.prepared().study().dataType());
    }

    /**
     * Whether a table's hospital changes how it is predicted: some hospital of the study has its own import options or
     * column mapping, or each was standardised with its own statistics. Then whoever predicts a file is asked whose
     * it is ({@code medfed predict --participant}).
     */
    public static boolean readsEachHospitalItsOwnWay(StudyResult result) {
        if (takesImages(result)) {
            return false;
        }
        var study = result.prepared().study();
        return study.enabledParticipants().stream().anyMatch(p -> readsItsOwnWay(study, p));
    }

    /** Whether the run's model draws masks (a segmentation) rather than predicting a class. */
    public static boolean drawsMasks(StudyResult result) {
        return takesImages(result) && SegmentationSamples.applies(result.prepared());
    }

    /**
     * The hospital of the study whose own data {@code input} is (one of its files, or inside its image folder): the
     * model trained on most of it, so an accuracy there says little about new patients.
     */
    public static Optional<String> hospitalWhoseDataItIs(StudyResult result, Path input) {
        return hospitalWhoseDataItIs(new RunFolder.RanStudy(result.prepared().study(), result.prepared().studyFile()),
                input).map(ParticipantEntry::name);
    }

    /**
     * A file given to {@code medfed predict} that is one of the run's own hospital files: whose it is, and whether the
     * study read that hospital its own way (import options, a mapping, each hospital's own statistics).
     */
    public record OwnFile(String hospital, boolean readItsOwnWay) {
    }

    /**
     * As {@link #hospitalWhoseDataItIs(StudyResult, Path)}, for a model exported into a run folder ({@code model}
     * is its {@code model/} folder or the {@code model.onnx} in it), whose run records the study; empty for a model
     * kept anywhere else, whose training data nothing records, and when the run's record of its study cannot be read
     * (a caution is not worth failing a prediction for).
     */
    public static Optional<OwnFile> ownFile(Path model, Path input) {
        try {
            return ranStudy(model).flatMap(ran -> hospitalWhoseDataItIs(ran, input)
                    .map(p -> new OwnFile(p.name(), readsItsOwnWay(ran.study(), p))));
        } catch (BadInputException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The study of the run whose model {@code model} is (its model folder or a file in it), if it is in one. */
    private static Optional<RunFolder.RanStudy> ranStudy(Path model) {
        Path folder = model.toAbsolutePath().normalize();
        if (Files.isRegularFile(folder)) {
            folder = folder.getParent();
        }
        Path run = folder == null ? null : folder.getParent();
        return run == null ? Optional.empty() : RunFolder.studyOf(run);
    }

    /**
     * Whether {@link #predictFile} can read a file as a given hospital's with {@code model}: a model folder of table
     * columns. Not an ONNX file (it carries one reading) nor an image model; not a folder whose card cannot be read
     * (the prediction reports that).
     */
    public static boolean readsFilesAsAHospital(Path model) {
        if (!Files.isDirectory(model)) {
            return false;
        }
        try {
            return ModelCardFile.load(model).preprocessing() != null;
        } catch (BadInputException | UncheckedIOException e) {
            return false;
        }
    }

    /** Whether the study read {@code hospital}'s files otherwise than in the common format and statistics. */
    private static boolean readsItsOwnWay(Study study, ParticipantEntry hospital) {
        // an image study has no "data" section: its images are read alike at every hospital
        return study.data() != null && Normalization.LOCAL.id().equals(study.data().normalization())
                || hospital.csv() != null || hospital.mapping() != null;
    }

    private static Optional<ParticipantEntry> hospitalWhoseDataItIs(RunFolder.RanStudy ran, Path input) {
        Path in = input.toAbsolutePath().normalize();
        for (ParticipantEntry p : ran.study().enabledParticipants()) {
            for (String data : p.data()) {
                if (data == null) {
                    continue;
                }
                Path own = (ran.studyFile() == null ? Path.of(data)
                        : StudyFile.resolve(ran.studyFile(), data)).toAbsolutePath().normalize();
                if (in.equals(own) || in.startsWith(own)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** The caution beside an accuracy measured on {@code hospital}'s own data, for the terminal and the workbench. */
    public static String ownDataCaution(String hospital) {
        return "This is " + hospital + "'s own data, on most of which the model trained: the accuracy is higher than "
                + "on new patients. The study's results give " + hospital + "'s held-out test patients.";
    }

    /** Whether the run's model takes images (a folder of them), not the rows of a CSV file. */
    public static boolean takesImages(StudyResult result) {
        return MultiSiteStudy.isImages(result.prepared().study());
    }

    /**
     * Predicts {@code input} with a run's model: the {@code model/} folder of the run's kept folder when there is one,
     * else the model exported for the purpose into a temporary folder, removed afterwards.
     *
     * @param keptRun     the run's history folder, or null when the run was not kept
     * @param participant the hospital a table comes from, read as {@code medfed predict --participant} reads it; null
     *                    for a file in the study's common format
     */
    public static Summary withRunModel(StudyResult result, ResultStatistics stats, Path keptRun, Path input,
                                       Path output, String participant) {
        Path kept = keptRun == null ? null : keptRun.resolve(RunOutputs.MODEL);
        if (kept != null && Files.isDirectory(kept)) {
            return predictFile(kept, input, participant, output);
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("medfed-model");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path model = scratch.resolve(RunOutputs.MODEL);
            RunOutputs.exportModel(result, stats, model);
            return predictFile(model, input, participant, output);
        } finally {
            try {
                FileTrees.delete(scratch);
            } catch (IOException ignored) {
                // a temporary folder left behind is the system's to clear
            }
        }
    }

    /**
     * Predicts every row of {@code input}: {@code model} is an exported model folder (its {@code model.zip} and card)
     * or an ONNX file written by MedFed ({@code *.onnx}). For an image classifier's folder, {@code input} is an image
     * or a folder of images ({@link ImagePrediction}).
     */
    public static Summary predictFile(Path model, Path input, String participant, Path output) {
        if (model.getFileName() != null && model.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            if (!Files.isRegularFile(model)) {
                throw new BadInputException(model, null, "does not exist or is not a file");
            }
            Path folder = model.toAbsolutePath().getParent();
            if (folder != null && OutputFolder.isOutput(folder)) {
                OutputFolder.requireFinishedPart(folder); // a run's model/ folder; a copied .onnx file stands alone
            }
            return predictOnnx(model, input, participant, output);
        }
        return predictDl4j(model, input, participant, output);
    }

    private static Summary predictDl4j(Path modelDir, Path input, String participant, Path output) {
        OutputFolder.requireFinishedPart(modelDir);
        ModelCard card = ModelCardFile.load(modelDir);
        ModelFiles.TrainedModel model = ModelFiles.load(modelDir);
        FittedPreprocessing prep = card.preprocessing();
        if (prep == null && card.imagePreprocessing() != null) {
            if (participant != null) {
                throw new BadInputException(modelDir, null, "holds a model of images, which every hospital prepared "
                        + "alike: --participant applies to table models only");
            }
            return ImagePrediction.predict(modelDir, card, model, input, output);
        }
        if (prep == null) {
            throw new BadInputException(modelDir, null, "holds a model whose card describes neither table columns nor "
                    + "images (a genetic risk model), and predict applies models of table columns to a CSV file and "
                    + "image classifiers to images");
        }
        if (model.inputSize() != prep.inputSize()) {
            throw new BadInputException(modelDir, null, "model.zip takes " + model.inputSize()
                    + " inputs but its card describes " + prep.inputSize() + ": the folder's files do not belong together");
        }
        CsvTable table = read(input, card, participant);
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
        RowEncoder encoder = prep.encoderFor(table);
        for (int r = 0; r < table.rowCount(); r++) {
            try {
                float[] x = encoder.encode(r, impute);
                inputs.add(z == null ? x : z.apply(x));
                inputRows.add(r);
            } catch (BadInputException e) {
                notes[r] = e.getMessage();
            }
        }
        float[][] probabilities = model.probabilities(inputs.toArray(new float[0][]));
        float[][] perRow = new float[table.rowCount()][];
        for (int k = 0; k < inputRows.size(); k++) {
            perRow[inputRows.get(k)] = probabilities[k];
        }
        return write(table, prep.classes(), perRow, notes, prep, output, note);
    }

    /**
     * Applies an ONNX file written by MedFed to the raw columns of a CSV file: each input column is read as the
     * file declares it (numbers or text), the graph does the preprocessing. The model card beside the file, when
     * there is one, tells how to read the CSV and which column is the label.
     */
    private static Summary predictOnnx(Path file, Path input, String participant, Path output) {
        if (participant != null) {
            throw new BadInputException(file, null, "an ONNX file carries its own standardisation, so --participant "
                    + "does not apply: use the hospital's own file (model-NAME.onnx) where the model card lists one");
        }
        Path cardFile = file.resolveSibling(org.medfed.project.ModelCardFile.NAME);
        ModelCard card = Files.isRegularFile(cardFile) ? ModelCardFile.load(file.getParent()) : null;
        FittedPreprocessing prep = card == null ? null : card.preprocessing();
        try (OnnxModel model = OnnxModel.load(file)) {
            if (!model.hasOutput(OnnxExport.INPUT_OK) || model.classes().isEmpty()) {
                throw new BadInputException(file, null, "is not a table model written by MedFed (it takes "
                        + model.inputs().stream().map(OnnxModel.Input::name).toList() + "): predict applies models "
                        + "that take the raw columns of a CSV file");
            }
            CsvTable table = CsvReader.read(input, card == null ? CsvFormat.defaults() : format(card));
            for (OnnxModel.Input in : model.inputs()) {
                if (table.columnIndex(in.name()) < 0) {
                    throw new BadInputException(input, null, "has no column '" + in.name() + "', which the model needs; "
                            + "its columns are " + String.join(", ", table.columns()));
                }
            }
            String[] notes = new String[table.rowCount()];
            List<Integer> usable = new ArrayList<>();
            for (int r = 0; r < table.rowCount(); r++) {
                notes[r] = unreadable(model, table, r);
                if (notes[r] == null) {
                    usable.add(r);
                }
            }
            Map<String, float[]> numbers = new HashMap<>();
            Map<String, String[]> texts = new HashMap<>();
            for (OnnxModel.Input in : model.inputs()) {
                int c = table.columnIndex(in.name());
                if (in.text()) {
                    texts.put(in.name(), usable.stream().map(r -> table.value(r, c)).map(v -> v == null ? "" : v.trim())
                            .toArray(String[]::new));
                } else {
                    float[] v = new float[usable.size()];
                    for (int k = 0; k < v.length; k++) {
                        String raw = table.value(usable.get(k), c);
                        v[k] = raw == null ? Float.NaN : (float) Double.parseDouble(raw.trim());
                    }
                    numbers.put(in.name(), v);
                }
            }
            float[][] perRow = new float[table.rowCount()][];
            if (!usable.isEmpty()) {
                OnnxModel.RowPredictions out = model.predictRows(numbers, texts, usable.size());
                for (int k = 0; k < usable.size(); k++) {
                    if (out.ok()[k]) {
                        perRow[usable.get(k)] = out.probabilities()[k];
                    } else {
                        notes[usable.get(k)] = table.fileName() + " " + table.line(usable.get(k)) + ": a value is missing "
                                + "or is a category no hospital had in training";
                    }
                }
            }
            return write(table, model.classes(), perRow, notes, prep, output, null);
        }
    }

    /** Why a row cannot be fed to the ONNX file (a number column that is not a number), or null. */
    private static String unreadable(OnnxModel model, CsvTable table, int row) {
        for (OnnxModel.Input in : model.inputs()) {
            String raw = table.value(row, table.columnIndex(in.name()));
            if (!in.text() && raw != null) {
                try {
                    Double.parseDouble(raw.trim());
                } catch (NumberFormatException e) {
                    return table.fileName() + " " + table.line(row) + ": column '" + in.name() + "' is '" + raw
                            + "', expected a number";
                }
            }
        }
        return null;
    }

    /**
     * The input columns plus the predicted class, one probability per class and a note for rows left without a
     * prediction ({@code probabilities[r]} null); accuracy against the label column when the card names it.
     */
    private static Summary write(CsvTable table, List<String> classes, float[][] probabilities, String[] notes,
                                 FittedPreprocessing prep, Path output, String note) {
        List<String> columns = new ArrayList<>(table.columns());
        columns.add("predicted");
        for (String c : classes) {
            columns.add("probability_" + c);
        }
        columns.add("note");
        int labelColumn = prep == null ? -1 : table.columnIndex(prep.label());
        int correct = 0;
        int labelled = 0;
        int predictedRows = 0;
        String firstSkip = null;
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String[] original = table.rows().get(r);
            String[] outRow = java.util.Arrays.copyOf(original, columns.size());
            int base = original.length;
            float[] p = probabilities[r];
            if (p != null) {
                predictedRows++;
                int predicted = ClassificationMetrics.predictedClass(p, classes.size());
                outRow[base] = classes.get(predicted);
                for (int c = 0; c < classes.size(); c++) {
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
                firstSkip = firstSkip == null ? notes[r] : firstSkip;
            }
            rows.add(outRow);
        }
        CsvWriter.write(output, columns, rows);
        return new Summary(table.rowCount(), predictedRows, table.rowCount() - predictedRows, firstSkip,
                labelled > 0 ? (double) correct / labelled : null, note);
    }

    /**
     * The file read as the study read it: with the study's settings, and for a hospital named by {@code --participant}
     * also with its own import options and mapping as the card lists them (a new file from that hospital is written
     * as its old ones were).
     */
    private static CsvTable read(Path input, ModelCard card, String participant) {
        ModelCard.ParticipantInfo site = participant == null || card.participants() == null ? null
                : card.participants().stream().filter(p -> p.name().equals(participant)).findFirst().orElse(null);
        if (participant != null && site == null && card.participants() != null && !card.participants().isEmpty()) {
            throw new BadInputException("no hospital '" + participant + "' trained this model; its hospitals are "
                    + String.join(", ", card.participants().stream().map(ModelCard.ParticipantInfo::name).toList()));
        }
        CsvFormat format = format(card);
        if (site != null && site.csv() != null) {
            format = site.csv().over(format);
        }
        CsvTable table = CsvReader.read(input, format);
        return site != null && site.mapping() != null ? site.mapping().toMapping().apply(table, participant) : table;
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
