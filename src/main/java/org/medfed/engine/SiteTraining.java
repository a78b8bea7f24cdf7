package org.medfed.engine;

/**
 * The hospital's implementation of a training procedure of the catalogue
 * ({@link org.medfed.engine.protocol.Procedure}): what it does with a training request. Plain local training for
 * most strategies; FedProx and SCAFFOLD adjust the gradient; FedSGD returns a gradient. Runs at the hospital
 * only: the coordinator sends the procedure's id, never this code.
 */
@FunctionalInterface
public interface SiteTraining {

    /** Train locally from the global model with the plan's optimiser. */
    SiteTraining LOCAL_TRAINING = (instruction, trainer, state, control) -> FitResult.model(
            trainer.train(instruction.global(), instruction.training(), GradientAdjustment.NONE, control),
            trainer.trainSize());

    FitResult run(FitInstruction instruction, LocalTrainer trainer, ClientState state, RunControl control);
}
