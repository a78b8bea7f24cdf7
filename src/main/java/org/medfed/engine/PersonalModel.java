package org.medfed.engine;

/**
 * A hospital's way of making its personal model once federation is over (fine-tuning the shared model, joining it
 * with the hospital's own last layers, or the hospital's Ditto model). Runs at the hospital only; the personal model
 * it makes stays there.
 */
@FunctionalInterface
public interface PersonalModel {

    /** The personalisation request's field naming the method. */
    String METHOD = "personal.method";
    /** Where the hospital keeps its personal model in its state (never sent). */
    String KEPT = "personal.model";

    /**
     * @param instruction the final shared model, the hospital's training plan and the method's parameters
     */
    ModelVector make(FitInstruction instruction, LocalTrainer trainer, ClientState state, RunControl control);
}
