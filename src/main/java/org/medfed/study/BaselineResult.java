package org.medfed.study;

import java.util.Map;
import org.medfed.engine.Evaluation;
import org.medfed.engine.ModelVector;

/**
 * A comparison model: trained on one hospital alone ({@code local:NAME}) or on all training rows pooled
 * ({@code pooled}), and evaluated on every hospital's test rows.
 */
public record BaselineResult(String row, Map<String, Evaluation> test, ModelVector model, long nanos) {

    public static final String POOLED = "pooled";

    /** The start of the row of a hospital alone. */
    public static final String LOCAL = "local:";

    public static String local(String participant) {
        return LOCAL + participant;
    }
}
