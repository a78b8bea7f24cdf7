package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medfed.data.ExampleSet;
import org.medfed.data.SplitRule;
import org.medfed.data.TrainTestSplit;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.DateText;
import org.medfed.data.csv.TableProfiler;
import org.medfed.engine.BadInputException;

/**
 * One participant's rows inside the federation, once the feature types are agreed: it keeps them and only
 * answers with summaries (levels, counts, sums) until it encodes its own examples with the agreed
 * preprocessing. {@link LocalTabularSite} speaks for it to the coordinator.
 */
public final class SiteTable {

    private final String name;
    private final CsvTable table;
    private final TabularSettings settings;
    private final Map<String, ColumnType> types;
    private final int labelColumn;
    private final int[] kept;
    private final int droppedMissingLabel;
    private final int droppedMissingFeature;
    private final SplitRule splitRule;
    private int[] trainRows;
    private int[] testRows;
    /** The training rows as {@link #encodedMoments} encoded them, until the training examples take them. */
    private List<float[]> encodedTrain;
    private List<FeatureColumn> encodedTrainFeatures;

    /** @param types the agreed type of each feature column, in feature order */
    SiteTable(String name, CsvTable table, TabularSettings settings, Map<String, ColumnType> types,
              SplitRule splitRule) {
        this.name = name;
        this.splitRule = splitRule;
        this.table = table;
        this.settings = settings;
        this.types = new LinkedHashMap<>(types);
        this.labelColumn = table.columnIndex(settings.label());
        checkNumbers();
        int[] featureColumns = this.types.keySet().stream().mapToInt(table::columnIndex).toArray();
        List<Integer> keep = new ArrayList<>();
        int noLabel = 0;
        int noFeature = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            if (table.isMissing(r, labelColumn)) {
                noLabel++;
                continue;
            }
            if (settings.labelRule().apply(table, r, labelColumn) == null) {
                throw new BadInputException(table.file(), table.line(r), "label column '" + settings.label() + "' is '"
                        + table.value(r, labelColumn) + "', expected a number for the rule " + settings.labelRule().id());
            }
            if (settings.missing() == MissingPolicy.DROP_ROWS && hasMissingFeature(r, featureColumns)) {
                noFeature++;
                continue;
            }
            keep.add(r);
        }
        this.kept = keep.stream().mapToInt(Integer::intValue).toArray();
        this.droppedMissingLabel = noLabel;
        this.droppedMissingFeature = noFeature;
    }

    private void checkNumbers() {
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            if (e.getValue() != ColumnType.NUMERIC) {
                continue;
            }
            int c = table.columnIndex(e.getKey());
            for (int r = 0; r < table.rowCount(); r++) {
                String problem = table.numberProblem(r, c);
                if (problem != null) {
                    throw new BadInputException(table.file(), table.line(r), problem);
                }
            }
        }
    }

    private boolean hasMissingFeature(int row, int[] featureColumns) {
        for (int c : featureColumns) {
            if (table.isMissing(row, c)) {
                return true;
            }
        }
        return false;
    }

    public String name() {
        return name;
    }

    public CsvTable table() {
        return table;
    }

    /** Rows used: with a label, and complete when the policy drops incomplete rows. */
    public int usableRows() {
        return kept.length;
    }

    public int droppedForMissingLabel() {
        return droppedMissingLabel;
    }

    public int droppedForMissingValues() {
        return droppedMissingFeature;
    }

    /** The levels and class names this site has: step one of agreeing on the encoding. */
    LevelSummary levelSummary() {
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            if (e.getValue() == ColumnType.CATEGORICAL) {
                Set<String> found = new HashSet<>();
                int c = table.columnIndex(e.getKey());
                for (int r : kept) {
                    if (!table.isMissing(r, c)) {
                        found.add(LabelRule.canonical(table, r, c));
                    }
                }
                if (found.size() > ColumnProfile.MAX_LEVELS) {
                    String example = inLevelOrder(found).get(0);
                    throw new BadInputException(table.file(), null, "column '" + e.getKey() + "' has " + found.size()
                            + " different values: more than the " + ColumnProfile.MAX_LEVELS + " a column of categories "
                            + "may have (each becomes an input of the model, and its name leaves the hospital); "
                            + (DateText.looksLikeDate(example) ? "it holds dates (such as '" + example + "'), which are "
                            + "no feature as they are: leave it out, or add to the file a number made from it (an age, "
                            + "days since an event)" : "set its type to numeric if it holds numbers, or leave it out"));
                }
                levels.put(e.getKey(), inLevelOrder(found));
            }
        }
        Set<String> classes = new HashSet<>();
        for (int r : kept) {
            classes.add(settings.labelRule().apply(table, r, labelColumn));
        }
        // a measurement chosen as the label would make every value a class, and send each as a class name
        if (classes.size() > ColumnProfile.MAX_LEVELS) {
            throw new BadInputException(table.file(), null, "label column '" + settings.label() + "' has "
                    + classes.size() + " different values: a classification predicts one of a few classes (at most "
                    + ColumnProfile.MAX_LEVELS + "), and each value would leave the hospital as a class name; choose a "
                    + "column of classes as the label");
        }
        return new LevelSummary(levels, inLevelOrder(classes));
    }

    /** Sorted once at the end: a set kept in this order would compare, and read numbers, on every row. */
    private static List<String> inLevelOrder(Set<String> levels) {
        Set<String> ordered = new TreeSet<>(TableProfiler::compareLevels);
        ordered.addAll(levels);
        return List.copyOf(ordered);
    }

    /** Splits the usable rows into train and test, stratified by class, with the study's seed. */
    void split(List<String> classes) {
        int[] y = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            y[i] = classes.indexOf(settings.labelRule().apply(table, kept[i], labelColumn));
        }
        TrainTestSplit split = splitRule.split(y, classes.size(), settings.trainFraction(), settings.splitSeed(),
                settings.stratify());
        trainRows = pick(split.train());
        testRows = pick(split.test());
        encodedTrain = null;
    }

    private int[] pick(int[] indices) {
        int[] out = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = kept[indices[i]];
        }
        return out;
    }

    public int trainSize() {
        return trainRows.length;
    }

    public int testSize() {
        return testRows.length;
    }

    /** Present-value counts and sums of the numeric columns over the training rows. */
    NumericSummary numericSummary() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            if (e.getValue() == ColumnType.NUMERIC) {
                int c = table.columnIndex(e.getKey());
                long n = 0;
                double s = 0;
                for (int r : trainRows) {
                    if (!table.isMissing(r, c)) {
                        n++;
                        s += table.number(r, c);
                    }
                }
                counts.put(e.getKey(), n);
                sums.put(e.getKey(), s);
            }
        }
        return new NumericSummary(counts, sums);
    }

    /** Level counts of the categorical columns over the training rows; counts below {@code minimumCount} left out. */
    TrainLevelCounts trainLevelCounts(int minimumCount) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Map.Entry<String, ColumnType> e : types.entrySet()) {
            if (e.getValue() == ColumnType.CATEGORICAL) {
                Map<String, Integer> counts = new TreeMap<>();
                int c = table.columnIndex(e.getKey());
                for (int r : trainRows) {
                    if (!table.isMissing(r, c)) {
                        counts.merge(LabelRule.canonical(table, r, c), 1, Integer::sum);
                    }
                }
                counts.values().removeIf(count -> count < minimumCount);
                out.put(e.getKey(), counts);
            }
        }
        return new TrainLevelCounts(out, minimumCount);
    }

    /** Count, sums and sums of squares of the encoded training rows: for pooled or local standardisation. */
    Moments encodedMoments(FittedPreprocessing encoding) {
        encodedTrain = encodeRows(encoding, trainRows);
        encodedTrainFeatures = encoding.features();
        return Moments.of(encodedTrain, encoding.inputSize());
    }

    /** The site's training or test examples, encoded and standardised as agreed. */
    ExampleSet examples(FittedPreprocessing prep, boolean test) {
        return examplesWith(prep, test, prep.standardizationFor(name));
    }

    /** As {@link #examples}, standardised with {@code z} (null: none) whatever the study's choice. */
    ExampleSet examplesWith(FittedPreprocessing prep, boolean test, Standardization z) {
        int[] rows = test ? testRows : trainRows;
        List<float[]> encoded;
        if (!test && encodedTrain != null && encodedTrainFeatures.equals(prep.features())) {
            encoded = encodedTrain; // encoded for the moments just before: the same columns and levels
            encodedTrain = null;
            encodedTrainFeatures = null;
        } else {
            encoded = encodeRows(prep, rows);
        }
        float[][] x = new float[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            // the encoded rows are this method's alone (made here, or handed over by encodedMoments)
            x[i] = z == null ? encoded.get(i) : z.applyInPlace(encoded.get(i));
            y[i] = prep.classOf(table, rows[i], labelColumn);
        }
        return ExampleSet.classification(new int[] {prep.inputSize()}, x, y, prep.classes().size());
    }

    /** The raw rows of the test split, for checks that predictions on files match the run. */
    public int[] testRowIndices() {
        return testRows.clone();
    }

    public int[] trainRowIndices() {
        return trainRows.clone();
    }

    private List<float[]> encodeRows(FittedPreprocessing prep, int[] rows) {
        List<float[]> out = new ArrayList<>(rows.length);
        boolean impute = settings.missing() == MissingPolicy.IMPUTE;
        RowEncoder encoder = prep.encoderFor(table);
        for (int r : rows) {
            out.add(encoder.encode(r, impute));
        }
        return out;
    }
}
