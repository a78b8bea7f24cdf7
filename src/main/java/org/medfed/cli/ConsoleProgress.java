package org.medfed.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.medfed.engine.FailureRepeats;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunEvent;
import org.medfed.engine.RunListener;

/** Prints a run's progress on stderr: one line per round, and every failure as it happens. */
final class ConsoleProgress implements RunListener {

    /** What the figures of each round's line are. */
    static final String ROUND_FIGURES = "(each round: the new global model on every hospital's test rows, the mean over "
            + "hospitals)";

    private final PrintWriter err;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onEvent(RunEvent event) {
        if (event instanceof RunEvent.RunStarted s) {
            plannedRounds = s.rounds();
            hospitals = s.participants().size();
            err.printf(Locale.ROOT, "running %s over %d rounds with %s%n", s.strategyId(), s.rounds(),
                    String.join(", ", s.participants()));
            // the round lines' figures are not the final table's "all patients" column: said once, as the Run
            // screen's legend says it
            err.println(ROUND_FIGURES);
        } else if (event instanceof RunEvent.ParticipantFailed f) {
            // a hospital lost in training is usually lost for the test too: both said, each for what it missed; the
            // same failure again in the next rounds (a node that stays away) is said once, and its end
            ParticipantFailure pf = f.failure();
            if (repeats.isNews(pf)) {
                err.printf(Locale.ROOT, "  round %d: %s failed %s: %s%n", pf.round(), pf.participant(),
                        pf.phase() == ParticipantFailure.Phase.FIT ? "to train" : "its test evaluation",
                        pf.reasonAfterName());
            }
        } else if (event instanceof RunEvent.RoundAggregated a) {
            RoundRecord r = a.record();
            lastRound = r.round();
            for (FailureRepeats.Return back : repeats.backIn(r)) {
                err.printf(Locale.ROOT, "  round %d: %s is back %s (it failed in rounds %d to %d)%n", r.round(),
                        back.participant(), back.phase() == ParticipantFailure.Phase.FIT ? "training" : "in the test",
                        back.from(), back.last());
            }
            if (!Double.isNaN(r.globalMetric("dice"))) {
                // a segmentation: overlap, not class accuracy
                err.printf(Locale.ROOT, "round %d/%d: Dice %s, IoU %s, loss %s (%.1f s)%s%n", r.round(), plannedRounds,
                        fmt(r.globalMetric("dice")), fmt(r.globalMetric("iou")), fmt(r.globalMetric("loss")),
                        r.duration().toMillis() / 1000.0, fewer(r));
            } else {
                err.printf(Locale.ROOT, "round %d/%d: accuracy %s, loss %s%s (%.1f s)%s%n", r.round(), plannedRounds,
                        fmt(r.globalMetric("accuracy")), fmt(r.globalMetric("loss")),
                        Double.isNaN(r.globalMetric("auc")) ? "" : ", AUC " + fmt(r.globalMetric("auc")),
                        r.duration().toMillis() / 1000.0, fewer(r));
            }
        } else if (event instanceof RunEvent.RunFailed f) {
            err.println("run failed: " + f.message());
        } else if (event instanceof RunEvent.RunCancelled c) {
            err.println("run stopped: " + c.history().message());
        }
        err.flush();
    }

    private final FailureRepeats repeats = new FailureRepeats();

    private int plannedRounds;
    private volatile int lastRound;

    /** The last round announced, 0 before the first: a shutdown hook reads it from its own thread. */
    int lastRound() {
        return lastRound;
    }
    private int hospitals;

    /** When the round's mean is over fewer hospitals than the study's, the count: its figure is of those alone. */
    private String fewer(RoundRecord r) {
        int evaluated = r.test().size();
        return evaluated > 0 && evaluated < hospitals
                ? String.format(Locale.ROOT, ", mean of %d of %d hospitals", evaluated, hospitals) : "";
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
