package org.medfed.study;

import java.util.Map;
import org.medfed.engine.Evaluation;
import org.medfed.engine.ModelVector;

/**
 * A comparison model: trained on one hospital alone ({@code local:NAME}) or on all training rows pooled
 * ({@code pooled}), and evaluated on every hospital's test rows; in a study of more hospitals than a table shows
 * ({@link #testedAtEveryHospital}), a hospital's own model on its own test rows only.
 */
public record BaselineResult(String row, Map<String, Evaluation> test, ModelVector model, long nanos) {

    public static final String POOLED = "pooled";

    /** The start of the row of a hospital alone. */
    public static final String LOCAL = "local:";

    public static String local(String participant) {
        return LOCAL + participant;
    }

    /**
     * Whether each hospital's own model is tested at every hospital (a table's row of it), or only at its own. Past
     * {@value ResultsTable#MOST_COLUMNS} hospitals the tables show the spread over hospitals, and testing every model
     * at every hospital would grow with the square of their number: 1,000 hospitals wrote a results.csv of 424 MB
     * and 6 million rows, of which the comparison with the federated model uses the thousand at home.
     */
    public static boolean testedAtEveryHospital(int hospitals) {
        return hospitals <= ResultsTable.MOST_COLUMNS;
    }

    /** Whether {@code row} (a model's row) is tested at {@code hospital} in a study of {@code hospitals}. */
    public static boolean testedAt(String row, String hospital, int hospitals) {
        return !row.startsWith(LOCAL) || testedAtEveryHospital(hospitals) || row.equals(local(hospital));
    }
}
