package org.medfed.engine.strategy.personal;

import java.util.List;
import java.util.Optional;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.FitResult;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Seeds;
import org.medfed.engine.SiteTraining;
import org.medfed.engine.Strategy;
import org.medfed.engine.TrainingOutcome;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.strategy.FedProx;
import org.medfed.engine.strategy.StrategyIds;
import org.medfed.engine.strategy.Updates;
import org.medfed.engine.strategy.Weighting;

/**
 * Ditto (Li et al. 2021): the shared model is trained as in FedAvg (weighted by patients), and beside it each
 * hospital trains a personal model v on its own rows with the pull (lambda/2)||v - w||^2 towards the shared model w
 * it was sent this round: v <- v - lr (grad F(v) + lambda (v - w)). Lambda 0 gives each hospital its own model
 * alone; a large lambda gives the shared model. Only the shared model is sent; v stays at the hospital.
 */
public final class Ditto implements Strategy {

    public static final String METHOD = "ditto";
    static final String LAMBDA = "ditto.lambda";
    static final String OWN = "ditto.model";

    private final double lambda;

    public Ditto(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a non-negative number, was " + lambda);
        }
        this.lambda = lambda;
    }

    @Override
    public String id() {
        return StrategyIds.DITTO;
    }

    @Override
    public ProcedureCall clientProcedure() {
        return ProcedureCall.of(Procedure.TRAIN_DITTO, Params.builder().number(LAMBDA, lambda).build());
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return Updates.averageModels(updates, Weighting.SAMPLES);
    }

    @Override
    public Optional<ProcedureCall> personalisation() {
        return Optional.of(Personalisation.call(METHOD, Params.EMPTY));
    }

    /**
     * The hospital's side of a round: the shared model trained as in FedAvg (sent), then its own model (starting from
     * the shared one the first time) trained with the same plan, another batch order, and the pull towards the shared
     * model it was sent (kept).
     */
    public static final SiteTraining CLIENT = (instruction, trainer, state, control) -> {
        double lambda = instruction.params().number(LAMBDA);
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a non-negative number, was " + lambda);
        }
        ModelVector global = instruction.global();
        TrainingOutcome shared = trainer.train(global, instruction.training(), GradientAdjustment.NONE, control);
        ModelVector own = state.get(OWN).orElse(global);
        TrainingOutcome personal = trainer.train(own,
                instruction.training().withSeed(Seeds.derive(instruction.training().seed(), METHOD, 0)),
                FedProx.proximalTerm(lambda, global.toArray()), control);
        state.put(OWN, personal.params());
        return FitResult.model(shared, trainer.trainSize());
    };

    /** The hospital's personal model: its own Ditto model (the shared one if it never trained). */
    public static final PersonalModel PERSONAL = (instruction, trainer, state, control) ->
            state.get(OWN).orElse(instruction.global());
}
