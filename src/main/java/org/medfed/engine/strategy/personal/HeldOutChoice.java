package org.medfed.engine.strategy.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.medfed.engine.AloneTraining;
import org.medfed.engine.ClientState;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.GradientAdjustment;
import org.medfed.engine.LocalTrainer;
import org.medfed.engine.ModelVector;
import org.medfed.engine.PersonalModel;
import org.medfed.engine.RoundContext;
import org.medfed.engine.RunControl;
import org.medfed.engine.Seeds;
import org.medfed.engine.Strategy;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.strategy.StrategyIds;
import org.medfed.engine.strategy.Updates;
import org.medfed.engine.strategy.Weighting;

/**
 * Each hospital keeps whichever of its models does best on rows of its own that none of them was trained on. The
 * rounds are weighted FedAvg's. Then each hospital holds out a seeded share of its training rows (never its test
 * rows) and makes its candidates from the rest: the final shared model as it is, its own model alone (from the
 * run's initial model with the study's comparison plan, as the {@code local:HOSPITAL} row) and the shared model
 * fine-tuned on its rows (as {@code fedavg-finetune}). It scores each on the held-out rows and keeps the winner made
 * again from all its training rows: the shared model as it is, or its own or fine-tuned model trained again on every
 * training row, so that the model it keeps is the very one that method alone would have given it.
 *
 * <p>The shared model was trained during the rounds on every hospital's training rows, the held-out ones among them,
 * so its held-out score leans in its favour; the other candidates never saw those rows. Ditto's and FedPer's models
 * are not candidates: they are made during the rounds from all the hospital's rows, so no rows would be unseen by
 * them.
 */
public final class HeldOutChoice implements Strategy {

    public static final String METHOD = "choose";
    static final String SHARE = "choice.held_out";
    /** Where the hospital notes which candidate it kept (its index in {@link Candidate}) and their scores. */
    static final String CHOSEN = "choice.chosen";
    static final String SCORES = "choice.scores";

    /** The candidates, in the order that breaks a tie: the one resting on more patients first. */
    public enum Candidate {
        SHARED, FINE_TUNED, ALONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final double share;
    private final int epochs;
    private final double learningRate;

    /**
     * @param share        the share of each hospital's training rows held out to choose on
     * @param epochs       fine-tuning's passes over the hospital's rows
     * @param learningRate fine-tuning's learning rate
     */
    public HeldOutChoice(double share, int epochs, double learningRate) {
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the held-out share must be between 0 and 1, was " + share);
        }
        FineTuning.check(epochs, learningRate);
        this.share = share;
        this.epochs = epochs;
        this.learningRate = learningRate;
    }

    @Override
    public String id() {
        return StrategyIds.FEDAVG_CHOOSE;
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return Updates.averageModels(updates, Weighting.SAMPLES);
    }

    @Override
    public Optional<ProcedureCall> personalisation() {
        return Optional.of(Personalisation.call(METHOD, Params.builder().number(SHARE, share)
                .number(FineTuning.EPOCHS, epochs).number(FineTuning.LEARNING_RATE, learningRate).build()));
    }

    /** The hospital's side: scores each candidate made without the held-out rows, keeps the best made from all. */
    public static final PersonalModel PERSONAL = (instruction, trainer, state, control) -> {
        double share = instruction.params().number(SHARE);
        AloneTraining alone = AloneTraining.from(instruction.params());
        LocalTrainer rest = trainer.holdOut(share, Seeds.derive(instruction.training().seed(), "held-out", 0));
        List<Evaluation> scores = new ArrayList<>();
        for (Candidate c : Candidate.values()) {
            scores.add(rest.evaluate(make(c, instruction, alone, rest, state, control), DataSplit.TEST));
        }
        Candidate chosen = Candidate.values()[best(scores)];
        state.put(CHOSEN, ModelVector.of(new float[] {chosen.ordinal()}));
        float[] s = new float[scores.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) score(scores.get(i));
        }
        state.put(SCORES, ModelVector.wrap(s));
        return make(chosen, instruction, alone, trainer, state, control);
    };

    private static ModelVector make(Candidate c, FitInstruction instruction, AloneTraining alone, LocalTrainer trainer,
                                    ClientState state, RunControl control) {
        return switch (c) {
            case SHARED -> instruction.global();
            case FINE_TUNED -> FineTuning.PERSONAL.make(instruction, trainer, state, control);
            case ALONE -> trainer.train(alone.start(), alone.plan(), GradientAdjustment.NONE, control).params();
        };
    }

    /**
     * The index of the best of {@code scores}: highest accuracy (Dice for segmentation), then lowest loss, then the
     * first.
     */
    static int best(List<Evaluation> scores) {
        int best = 0;
        for (int i = 1; i < scores.size(); i++) {
            double a = score(scores.get(i));
            double b = score(scores.get(best));
            if (a > b || (a == b && scores.get(i).metric("loss") < scores.get(best).metric("loss"))) {
                best = i;
            }
        }
        return best;
    }

    private static double score(Evaluation e) {
        return e.metrics().containsKey("accuracy") ? e.metric("accuracy") : e.metric("dice");
    }

    /** Which candidate the hospital kept, once it has chosen. */
    public static Optional<Candidate> chosen(ClientState state) {
        return state.get(CHOSEN).map(v -> Candidate.values()[(int) v.get(0)]);
    }
}
