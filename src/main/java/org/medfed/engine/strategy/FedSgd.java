package org.medfed.engine.strategy;

import java.util.List;
import java.util.Map;
import org.medfed.engine.SiteTraining;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.FitResult;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.UpdateKind;
import org.medfed.engine.VectorMath;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;

/**
 * FedSGD (McMahan et al. 2017, the B = infinity, E = 1 baseline): each participant computes one gradient of
 * its loss over all its training data at the global model; the server averages the gradients, weighted by
 * examples, and takes one step with its own learning rate.
 */
public final class FedSgd implements Strategy {

    private final double serverLearningRate;

    public FedSgd(double serverLearningRate) {
        if (!(serverLearningRate > 0) || !Double.isFinite(serverLearningRate)) {
            throw new IllegalArgumentException("server learning rate must be positive, was " + serverLearningRate);
        }
        this.serverLearningRate = serverLearningRate;
    }

    @Override
    public String id() {
        return StrategyIds.FEDSGD;
    }

    /** The hospital's side: one gradient over all its training rows at the global model. */
    public static final SiteTraining CLIENT = (instruction, trainer, state, control) -> {
        control.checkpoint();
        ModelVector gradient = trainer.gradient(instruction.global(), 0, instruction.training().seed());
        return new FitResult(gradient, UpdateKind.GRADIENT, trainer.trainSize(), 1, Double.NaN, Map.of());
    };

    @Override
    public ProcedureCall clientProcedure() {
        return ProcedureCall.of(Procedure.GRADIENT);
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        ModelVector meanGradient = VectorMath.weightedMean(Updates.vectors(updates, UpdateKind.GRADIENT),
                Weighting.SAMPLES.weights(updates));
        return VectorMath.addScaled(context.global(), meanGradient, -serverLearningRate);
    }
}
