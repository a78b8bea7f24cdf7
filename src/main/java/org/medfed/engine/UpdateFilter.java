package org.medfed.engine;

import org.medfed.engine.protocol.Params;

/**
 * The hospital's implementation of a filter of the catalogue: it changes a training result before the result
 * leaves the hospital (DP clipping and noise, secure-aggregation masking, Paillier encryption).
 */
@FunctionalInterface
public interface UpdateFilter {

    /**
     * @param result      the update so far (after the training procedure and any earlier filter)
     * @param instruction the training request the update answers
     * @param params      this filter's parameters in the request
     * @param state       what this hospital keeps for the study
     */
    FitResult apply(FitResult result, FitInstruction instruction, Params params, ClientState state);
}
