package org.medfed.engine;

/**
 * The client half of a strategy: what a participant does with an instruction. Plain local training for
 * most strategies; FedProx and SCAFFOLD adjust the gradient; FedSGD returns a gradient.
 */
@FunctionalInterface
public interface ClientProcedure {

    /** Train locally from the global model with the plan's optimiser. */
    ClientProcedure LOCAL_TRAINING = (instruction, trainer, state, control) -> FitResult.model(
            trainer.train(instruction.global(), instruction.training(), GradientAdjustment.NONE, control),
            trainer.trainSize());

    FitResult run(FitInstruction instruction, LocalTrainer trainer, ClientState state, RunControl control);
}
