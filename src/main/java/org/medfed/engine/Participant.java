package org.medfed.engine;

/**
 * A hospital as the aggregator sees it: something that trains on the global model and evaluates it, and
 * never shows its rows. In-process it wraps a {@link LocalTrainer}; a networked node will be another
 * implementation of the same interface.
 */
public interface Participant {

    String name();

    int trainSize();

    int testSize();

    /** The user-given weight (1 unless set), used by custom-weighted averaging. */
    double weight();

    FitResult fit(FitInstruction instruction, RunControl control) throws Exception;

    Evaluation evaluate(ModelVector model, DataSplit split) throws Exception;
}
