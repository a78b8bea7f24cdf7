package org.medfed.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a finished run stopped while its model was still getting better: the global test loss falling, round
 * after round, over the last quarter of the run. Then the numbers a researcher reads are those of an unfinished
 * model (too few rounds, or too small a learning rate), which the run says rather than leaving the federation to
 * look worse than it is. A loss that rises again at the end (over-fitting) or wanders says nothing here.
 */
public final class LearningCurve {

    /** Shorter runs are judged by their reader: a quarter of them is too few rounds to tell a trend. */
    static final int MIN_RECORDS = 10;
    /** The loss fell by at least this share over the last quarter of the run. */
    static final double STILL_FALLING = 0.02;
    /** What says whether the model decides better: accuracy and AUC for classes, Dice for masks. */
    private static final List<String> DECISION_METRICS = List.of("accuracy", "auc", "dice");

    private LearningCurve() {
    }

    /** A note for the researcher when the run's test loss was still falling at its end; empty otherwise. */
    public static Optional<String> stillImproving(RunHistory history, boolean asynchronous) {
        List<RoundRecord> records = history.rounds();
        int n = records.size();
        if (history.status() != RunStatus.FINISHED || n < MIN_RECORDS) {
            return Optional.empty();
        }
        int window = Math.max(3, n / 4);
        double[] loss = new double[window + 1];
        for (int i = 0; i <= window; i++) {
            loss[i] = records.get(n - 1 - window + i).globalMetric("loss");
            if (!Double.isFinite(loss[i])) {
                return Optional.empty();
            }
        }
        int falls = 0;
        for (int i = 1; i <= window; i++) {
            falls += loss[i] < loss[i - 1] ? 1 : 0;
        }
        double drop = loss[0] <= 0 ? 0 : (loss[0] - loss[window]) / loss[0];
        if (drop < STILL_FALLING || falls * 3 < window * 2 || !aDecisionMetricRose(records.get(n - 1 - window),
                records.get(n - 1))) {
            return Optional.empty();
        }
        String record = asynchronous ? "merge" : "round";
        int from = records.get(n - 1 - window).round();
        int to = records.get(n - 1).round();
        return Optional.of(String.format(Locale.ROOT, "The model was still improving when the run ended: its test "
                + "loss fell from %.3f at %s %d to %.3f at %s %d (%.1f %% lower). More %ss, or a larger learning rate, "
                + "may give a better model.", loss[0], record, from, loss[window], record, to, drop * 100, record));
    }

    /**
     * A loss can keep falling while the model is no more often right: on classes that a line nearly separates (the
     * Wisconsin breast-cancer file) its weights grow and its probabilities sharpen round after round, with accuracy
     * and AUC flat. The figures a researcher reads are then final, so the loss alone does not call the run
     * unfinished: one of the metrics that judge the model's decisions must have risen too. A run that records none
     * of them is judged by its loss.
     */
    private static boolean aDecisionMetricRose(RoundRecord first, RoundRecord last) {
        boolean recorded = false;
        for (String metric : DECISION_METRICS) {
            double from = first.globalMetric(metric);
            double to = last.globalMetric(metric);
            if (Double.isFinite(from) && Double.isFinite(to)) {
                recorded = true;
                if (to > from) {
                    return true;
                }
            }
        }
        return !recorded;
    }
}
