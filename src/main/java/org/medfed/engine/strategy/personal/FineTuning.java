package org.medfed.engine.strategy.personal;

import java.util.List;
import java.util.Optional;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.RoundContext;
import org.medfed.engine.Strategy;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.strategy.StrategyIds;
import org.medfed.engine.strategy.Updates;
import org.medfed.engine.strategy.Weighting;

/**
 * Federated averaging weighted by patients, then local fine-tuning (as FLamby measures it): once the rounds are over,
 * each hospital trains the final shared model for a few more epochs on its own patients, with its own learning rate,
 * and keeps the result as its personal model.
 */
public final class FineTuning implements Strategy {

    public static final String METHOD = "finetune";
    static final String EPOCHS = "finetune.epochs";
    static final String LEARNING_RATE = "finetune.learning_rate";

    private final int epochs;
    private final double learningRate;

    public FineTuning(int epochs, double learningRate) {
        if (epochs < 1) {
            throw new IllegalArgumentException("fine-tuning needs at least one epoch, was " + epochs);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("fine-tuning's learning rate must be positive, was " + learningRate);
        }
        this.epochs = epochs;
        this.learningRate = learningRate;
    }

    @Override
    public String id() {
        return StrategyIds.FEDAVG_FINETUNE;
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return Updates.averageModels(updates, Weighting.SAMPLES);
    }

    @Override
    public Optional<ProcedureCall> personalisation() {
        return Optional.of(Personalisation.call(METHOD, params()));
    }

    /** Fine-tuning's epochs and learning rate, as the hospital reads them. */
    Params params() {
        return Params.builder().number(EPOCHS, epochs).number(LEARNING_RATE, learningRate).build();
    }

    /**
     * The hospital's side: {@code epochs} passes over its training rows from the final shared model, with the
     * study's batch size and optimiser and the fine-tuning learning rate.
     */
    public static final PersonalModel PERSONAL = (instruction, trainer, state, control) -> {
        LocalTraining study = instruction.training();
        LocalTraining plan = new LocalTraining(0, instruction.params().integer(EPOCHS), study.batchSize(),
                study.optimizer(), instruction.params().number(LEARNING_RATE), study.seed());
        return trainer.train(instruction.global(), plan, GradientAdjustment.NONE, control).params();
    };
}
