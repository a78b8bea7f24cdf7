package org.medfed.engine.strategy.personal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/**
 * Each hospital keeps whichever of its models does best on rows of its own that the model scored was not trained on.
 * The rounds are weighted FedAvg's. Then each hospital cross-validates its candidates on its training rows (never its
 * test rows): it deals them into k seeded folds (stratified by class) and, holding out each fold in turn, makes its
 * local candidates from the other folds and scores every candidate on the fold held out. The candidates are the
 * final shared model as it is, its own model alone (from the run's initial model with the study's comparison plan,
 * as the {@code local:HOSPITAL} row) and the shared model fine-tuned on its rows (as {@code fedavg-finetune}). Their
 * losses are pooled over the folds (for segmentation Dice first), and the hospital keeps the winner
 * made from all its training rows: the shared model as it is, or its own or fine-tuned model trained again on every
 * training row, so that the model it keeps is the very one that method alone would have given it.
 *
 * <p>Cross-validation rather than one held-out share: a hospital of 200 patients scores on all 200 instead of 40,
 * and at a few patients' difference between candidates the choice on 40 is mostly chance.
 *
 * <p>The shared model was trained during the rounds on every hospital's training rows, so its score leans in its
 * favour; the other candidates never saw the rows they are scored on. Ditto's and FedPer's models are not candidates:
 * they are made during the rounds from all the hospital's rows, so no rows would be unseen by them.
 */
public final class HeldOutChoice implements Strategy {

    public static final String METHOD = "choose";
    static final String FOLDS = "choice.folds";
    /** Where the hospital notes which candidate it kept (its index in {@link Candidate}) and their pooled losses. */
    static final String CHOSEN = "choice.chosen";
    static final String LOSSES = "choice.losses";
    private static final String LOSS = "loss";
    private static final String DICE = "dice";

    /** The candidates, in the order that breaks a tie: the one resting on more patients first. */
    public enum Candidate {
        SHARED, FINE_TUNED, ALONE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final int folds;
    /** The fine-tuned candidate's settings; its rounds are this strategy's too. */
    private final FineTuning fineTuning;

    /**
     * @param folds        how many folds each hospital's training rows are dealt into (each held out once)
     * @param epochs       fine-tuning's passes over the hospital's rows
     * @param learningRate fine-tuning's learning rate
     */
    public HeldOutChoice(int folds, int epochs, double learningRate) {
        if (folds < 2) {
            throw new IllegalArgumentException("choosing on held-out rows needs at least 2 folds, was " + folds);
        }
        this.folds = folds;
        this.fineTuning = new FineTuning(epochs, learningRate);
    }

    @Override
    public String id() {
        return StrategyIds.FEDAVG_CHOOSE;
    }

    @Override
    public ModelVector aggregate(RoundContext context, List<ClientUpdate> updates) {
        return fineTuning.aggregate(context, updates);
    }

    @Override
    public Optional<ProcedureCall> personalisation() {
        return Optional.of(Personalisation.call(METHOD, Params.builder().number(FOLDS, folds)
                .all(fineTuning.params()).build()));
    }

    /** The hospital's side: scores each candidate fold by fold, keeps the best made from all its rows. */
    public static final PersonalModel PERSONAL = (instruction, trainer, state, control) -> {
        int folds = instruction.params().integer(FOLDS);
        AloneTraining alone = AloneTraining.from(instruction.params());
        long seed = Seeds.derive(instruction.training().seed(), "folds", 0);
        Candidate[] candidates = Candidate.values();
        double[] dice = new double[candidates.length];
        double[] loss = new double[candidates.length];
        int rows = 0;
        boolean segmentation = false;
        for (int f = 0; f < folds; f++) {
            LocalTrainer rest = trainer.fold(folds, f, seed);
            for (Candidate c : candidates) {
                Evaluation e = rest.evaluate(make(c, instruction, alone, rest, state, control), DataSplit.TEST);
                segmentation = e.metrics().containsKey(DICE);
                dice[c.ordinal()] += (segmentation ? e.metric(DICE) : 0) * e.examples();
                loss[c.ordinal()] += e.metric(LOSS) * e.examples();
            }
            rows += rest.testSize();
        }
        List<Evaluation> scores = new ArrayList<>();
        for (Candidate c : candidates) {
            Map<String, Double> pooled = new java.util.LinkedHashMap<>();
            if (segmentation) {
                pooled.put(DICE, dice[c.ordinal()] / rows);
            }
            pooled.put(LOSS, loss[c.ordinal()] / rows);
            scores.add(new Evaluation(rows, pooled));
        }
        Candidate chosen = Candidate.values()[best(scores)];
        state.put(CHOSEN, ModelVector.of(new float[] {chosen.ordinal()}));
        float[] s = new float[scores.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) scores.get(i).metric(LOSS);
        }
        state.put(LOSSES, ModelVector.wrap(s));
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
     * The index of the best of {@code scores}: the lowest loss (cross-entropy, a finer judge than accuracy on a few
     * hundred patients); for segmentation the highest Dice, then the lowest loss; on a tie, the first.
     */
    static int best(List<Evaluation> scores) {
        int best = 0;
        for (int i = 1; i < scores.size(); i++) {
            if (better(scores.get(i), scores.get(best))) {
                best = i;
            }
        }
        return best;
    }

    private static boolean better(Evaluation a, Evaluation b) {
        if (a.metrics().containsKey(DICE) && a.metric(DICE) != b.metric(DICE)) {
            return a.metric(DICE) > b.metric(DICE);
        }
        return a.metric(LOSS) < b.metric(LOSS);
    }

    /** Which candidate the hospital kept, once it has chosen. */
    public static Optional<Candidate> chosen(ClientState state) {
        return state.get(CHOSEN).map(v -> Candidate.values()[(int) v.get(0)]);
    }
}
