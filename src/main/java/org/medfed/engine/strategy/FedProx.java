package org.medfed.engine.strategy;

import java.util.List;
import org.medfed.engine.SiteTraining;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.FitResult;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;

/**
 * FedProx (Li et al. 2020): local training adds (mu/2)||w - w_global||^2 to the loss, which keeps
 * heterogeneous hospitals from drifting far from the global model; aggregation is sample-weighted averaging.
 */
public final class FedProx implements Strategy {

    static final String MU = "fedprox.mu";

    private final double mu;

    public FedProx(double mu) {
        if (!(mu >= 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be a non-negative number, was " + mu);
        }
        this.mu = mu;
    }

    public double mu() {
        return mu;
    }

    @Override
    public String id() {
        return StrategyIds.FEDPROX;
    }

    /** The hospital's side: local training with the pull of strength {@code mu} towards the global model. */
    public static final SiteTraining CLIENT = (instruction, trainer, state, control) -> {
        double mu = instruction.params().number(MU);
        if (!(mu >= 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be a non-negative number, was " + mu);
        }
        float[] anchor = instruction.global().toArray();
        return FitResult.model(trainer.train(instruction.global(), instruction.training(),
                proximalTerm(mu, anchor), control), trainer.trainSize());
    };

    @Override
    public ProcedureCall clientProcedure() {
        return ProcedureCall.of(Procedure.TRAIN_PROXIMAL, Params.builder().number(MU, mu).build());
    }

    /** The gradient of (mu/2)||w - anchor||^2, added to the loss gradient. */
    public static GradientAdjustment proximalTerm(double mu, float[] anchor) {
        if (mu == 0) {
            return GradientAdjustment.NONE;
        }
        float m = (float) mu;
        return (params, gradient) -> {
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] += m * (params[i] - anchor[i]);
            }
        };
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return Updates.averageModels(updates, Weighting.SAMPLES);
    }
}
