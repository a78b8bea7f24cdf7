package org.medfed.data.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medfed.data.ExampleSet;
import org.medfed.data.SplitRule;
import org.medfed.data.TrainTestSplit;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvTable;
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
        List<Integer> keep = new ArrayList<>();
        int noLabel = 0;
        int noFeature = 0;
        for (int r = 0; r < table.rowCount(); r++) {
            String label = table.value(r, labelColumn);
            if (label == null) {
                noLabel++;
                continue;
            }
            if (settings.labelRule().apply(label) == null) {
                throw new BadInputException(table.file(), table.line(r), "label column '" + settings.label() + "' is '"
                        + label + "', expected a number for the rule " + settings.labelRule().id());
            }
            if (settings.missing() == MissingPolicy.DROP_ROWS && hasMissingFeature(r)) {
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
                String v = table.value(r, c);
                if (v != null) {
                    try {
                        Double.parseDouble(v);
                    } catch (NumberFormatException ex) {
                        throw new BadInputException(table.file(), table.line(r), "column '" + e.getKey() + "' is '" + v
                                + "', expected a number");
                    }
                }
            }
        }
    }

    private boolean hasMissingFeature(int row) {
        for (String column : types.keySet()) {
            if (table.value(row, table.columnIndex(column)) == null) {
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
                Set<String> found = new TreeSet<>(TableProfiler::compareLevels);
                int c = table.columnIndex(e.getKey());
                for (int r : kept) {
                    String v = table.value(r, c);
                    if (v != null) {
                        found.add(LabelRule.canonical(v));
                    }
                }
                levels.put(e.getKey(), List.copyOf(found));
            }
        }
        Set<String> classes = new TreeSet<>(TableProfiler::compareLevels);
        for (int r : kept) {
            classes.add(settings.labelRule().apply(table.value(r, labelColumn)));
        }
        return new LevelSummary(levels, List.copyOf(classes));
    }

    /** Splits the usable rows into train and test, stratified by class, with the study's seed. */
    void split(List<String> classes) {
        int[] y = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            y[i] = classes.indexOf(settings.labelRule().apply(table.value(kept[i], labelColumn)));
        }
        TrainTestSplit split = splitRule.split(y, classes.size(), settings.trainFraction(), settings.splitSeed(),
                settings.stratify());
        trainRows = pick(split.train());
        testRows = pick(split.test());
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
                    String v = table.value(r, c);
                    if (v != null) {
                        n++;
                        s += Double.parseDouble(v);
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
                    String v = table.value(r, c);
                    if (v != null) {
                        counts.merge(LabelRule.canonical(v), 1, Integer::sum);
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
        return Moments.of(encodeRows(encoding, trainRows), encoding.inputSize());
    }

    /** The site's training or test examples, encoded and standardised as agreed. */
    ExampleSet examples(FittedPreprocessing prep, boolean test) {
        return examplesWith(prep, test, prep.standardizationFor(name));
    }

    /** As {@link #examples}, standardised with {@code z} (null: none) whatever the study's choice. */
    ExampleSet examplesWith(FittedPreprocessing prep, boolean test, Standardization z) {
        int[] rows = test ? testRows : trainRows;
        List<float[]> encoded = encodeRows(prep, rows);
        float[][] x = new float[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = z == null ? encoded.get(i) : z.apply(encoded.get(i));
            y[i] = prep.classOf(table.value(rows[i], labelColumn));
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
        for (int r : rows) {
            final int row = r;
            out.add(prep.encode(column -> table.value(row, table.columnIndex(column)), impute,
                    table.fileName() + " " + table.line(r)));
        }
        return out;
    }
}
