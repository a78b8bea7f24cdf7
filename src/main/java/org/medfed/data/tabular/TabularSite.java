package org.medfed.data.tabular;

import java.util.List;
import java.util.Map;
import org.medfed.data.ExampleSet;
import org.medfed.data.csv.ColumnType;

/**
 * The hospital side of preparing a tabular study: it keeps its table and answers each step of the agreement with
 * a small summary record (names, types, counts, sums; see each record for exactly what leaves), so that the
 * coordinator ({@link TabularCoordinator}) never needs a row. {@link LocalTabularSite} runs beside a table in
 * this process; a remote node can implement the same steps over the network.
 *
 * <p>The coordinator calls the steps in this order, each on every site before the next: {@link #schemaSummary},
 * {@link #selectRows}, {@link #levelSummary}, {@link #split}, {@link #numericSummary} with
 * {@link #trainLevelCounts}, {@link #encodedMoments}. A site remembers its chosen rows and split between steps.
 * A site knows the study's {@link TabularSettings}; they are the same as the coordinator's.
 */
public interface TabularSite {

    /** The participant's name, as the study names it. */
    String name();

    /** Step 1: the table's columns and what its possible feature columns look like. */
    SchemaSummary schemaSummary();

    /**
     * Step 2: the agreed feature types arrive; the site checks its values against them and keeps the rows that
     * have a label (and, when the study drops incomplete rows, every feature).
     *
     * @throws org.medfed.engine.BadInputException naming the file and line of a value that does not fit
     */
    RowSummary selectRows(Map<String, ColumnType> featureTypes);

    /** Step 3: the levels of the categorical features and the classes in the kept rows. */
    LevelSummary levelSummary();

    /** Step 4: splits the kept rows into train and test, stratified over the agreed {@code classes}. */
    SplitSummary split(List<String> classes);

    /** Step 5a: counts and sums of the numeric features over the training rows. */
    NumericSummary numericSummary();

    /** Step 5b: level counts of the categorical features over the training rows. */
    TrainLevelCounts trainLevelCounts();

    /** Step 6: count, sums and sums of squares of the training rows encoded with {@code encoding} (unscaled). */
    Moments encodedMoments(FittedPreprocessing encoding);

    /**
     * After the agreement, at the hospital: its training or test rows encoded and standardised with the agreed
     * preprocessing. The coordinator never calls this; the examples stay where the rows are.
     */
    ExampleSet examples(FittedPreprocessing preprocessing, boolean test);
}
